"""CAMEO code tables: labels, PLOVER event types, QuadClass, Goldstein weights.

The tables are packaged data files (see tools/build_cameo_data.py), read once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

# QuadClass by CAMEO root: 1 verbal cooperation (01-05), 2 material cooperation
# (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20), as in GDELT/ICEWS.
_QUAD_BY_ROOT = {f"{r:02d}": 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """What a CAMEO code means and how it is scaled."""

    code: str
    label: str
    plover: str
    quad_class: int
    goldstein: float
    root: str


def _rows(name: str) -> list[list[str]]:
    """Return the tab-separated rows of a data file, without comments and header."""
    text = resources.files("diplograph.coding").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:] if rows and not rows[0][0][:1].isdigit() else rows


@cache
def _tables() -> tuple[dict[str, tuple[str, str]], dict[str, float], frozenset[str]]:
    codes = {row[0]: (row[1], row[2] if len(row) > 2 else "") for row in _rows("cameo_codes.tsv")}
    goldstein = {row[0]: float(row[1]) for row in _rows("goldstein.tsv")}
    symmetric = frozenset(row[0] for row in _rows("symmetric.tsv"))
    return codes, goldstein, symmetric


def is_known(cameo: str) -> bool:
    """True when `cameo` is a code of the CAMEO codebook."""
    return cameo in _tables()[0]


def describe(cameo: str) -> CameoInfo:
    """Return the label, PLOVER type, QuadClass and Goldstein weight of a CAMEO code.

    Unknown refinements fall back to their three-digit parent, then the root.

    Raises:
        KeyError: when neither the code nor its root is a CAMEO code.
    """
    codes, goldstein, _ = _tables()
    root = cameo[:2]
    if root not in _QUAD_BY_ROOT:
        raise KeyError(f"not a CAMEO code: {cameo!r}")
    label, plover = codes.get(cameo) or codes.get(cameo[:3]) or codes.get(root + "0", ("", ""))
    weight = goldstein.get(cameo, goldstein.get(cameo[:3], goldstein.get(root, 0.0)))
    return CameoInfo(cameo, label, plover, _QUAD_BY_ROOT[root], weight, root)


def is_symmetric(cameo: str) -> bool:
    """True when CAMEO treats the act as mutual (meet, negotiate, sign, clash ...)."""
    return cameo in _tables()[2]
