"""Parse one JSON line within bounds on nesting depth and number size.

Python's json module recurses once per nesting level (a line of 100,000 "["
raises RecursionError) and converts integers of any length (a 5,000-digit
one raises ValueError past the 4,300-digit guard). Both become named errors.
"""

from __future__ import annotations

import json
import re
from typing import Any

from diplograph.errors import InputError

__all__ = ["LINE_HINT", "json_type", "load_object"]

LINE_HINT = 'each line must be one complete JSON object: {"id": ..., "date": "YYYY-MM-DD", "text": ...}'
_STRING = re.compile(r'"(?:[^"\\]|\\.)*+"', re.S)  # possessive: no backtracking
_BRACKET = re.compile(r"[\[\]{}]")


class _NumberTooLong(ValueError):
    pass


def load_object(text: str, where: str, *, max_depth: int = 20, max_digits: int = 50) -> dict[str, Any]:
    """The JSON object of one line, or a named InputError saying what is wrong with it."""
    depth = nesting_depth(text)
    if depth > max_depth:
        raise InputError(where, f"JSON nested {depth} levels deep (the limit is {max_depth})", LINE_HINT)
    try:
        record = json.loads(
            text,
            parse_int=lambda s: int(_short(s, max_digits)),
            parse_float=lambda s: float(_short(s, max_digits)),
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as err:
        raise InputError(where, _decode_problem(err, text), LINE_HINT) from err
    except _NumberTooLong as err:
        raise InputError(where, str(err), "numbers in a line must be short; give long values as strings") from err
    except (RecursionError, ValueError) as err:
        raise InputError(where, f"invalid JSON: {type(err).__name__}", LINE_HINT) from err
    if not isinstance(record, dict):
        raise InputError(where, f"a JSON {json_type(record)} where an object was expected", LINE_HINT)
    return record


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in `text`, outside strings (an upper bound
    for invalid JSON). Cheap when the line has few brackets, as real articles do."""
    if text.count("[") + text.count("{") <= 2:
        return text.count("[") + text.count("{")
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _short(number: str, max_digits: int) -> str:
    if len(number) > max_digits:
        raise _NumberTooLong(f"a number of {len(number)} characters (the limit is {max_digits})")
    return number


def _no_constant(name: str) -> Any:
    raise _NumberTooLong(f"{name} is not a JSON number")


def _decode_problem(err: json.JSONDecodeError, text: str) -> str:
    if err.pos >= len(text.rstrip()):
        return "truncated JSON: the line ends before the object does"
    return f"invalid JSON: {err.msg} at column {err.colno}"
