"""Gazetteer lookups: countries, cities, alternate names, country hints."""

from __future__ import annotations

import pytest

from diplograph.geo import Gazetteer
from diplograph.geo.gazetteer import load_aliases, normalise


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Astana", ("Astana", "KAZ", "city")), ("Nur-Sultan", ("Astana", "KAZ", "city")),
     ("Kazakhstan", ("Kazakhstan", "KAZ", "country")), ("Britain", ("United Kingdom", "GBR", "country")),
     ("the United States", ("United States", "USA", "country")), ("U.S.", ("United States", "USA", "country")),
     ("Rangoon", ("Yangon", "MMR", "city")), ("Xi\u2019an", ("Xi'an", "CHN", "city")),
     ("Xi'an", ("Xi'an", "CHN", "city")), ("Qingdao", ("Qingdao", "CHN", "city"))],
)  # fmt: skip
def test_gazetteer_lookup_names(gazetteer: Gazetteer, name: str, expected: tuple[str, str, str]) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.name, place.country, place.kind) == expected
    assert place.lat is not None and place.lon is not None


def test_gazetteer_country_has_capital_coordinates(gazetteer: Gazetteer) -> None:
    country, capital = gazetteer.country("Kazakhstan"), gazetteer.city("Astana")
    assert country is not None and capital is not None
    assert (country.lat, country.lon) == (capital.lat, capital.lon)
    assert abs(capital.lat - 51.17) < 0.1 and abs(capital.lon - 71.45) < 0.1  # type: ignore[operator]


def test_gazetteer_prefers_city_in_hinted_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.city("Paris").country == "FRA"  # type: ignore[union-attr]
    assert gazetteer.city("Paris", "USA").country == "USA"  # type: ignore[union-attr]
    assert gazetteer.city("Paris", "NOR").country == "FRA"  # type: ignore[union-attr]
    assert gazetteer.city("Paris", ["NOR", "USA"]).country == "USA"  # type: ignore[union-attr]


def test_gazetteer_unknown_name_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Presidential Palace") is None


def test_gazetteer_aliases_are_valid_codes(gazetteer: Gazetteer) -> None:
    aliases = load_aliases()
    assert aliases
    assert all(gazetteer.country_by_code(code) is not None for _, code in aliases)


def test_gazetteer_normalise_drops_article_and_quotes() -> None:
    assert normalise("The  Netherlands") == "netherlands"
    assert normalise("Xi\u2019an") == "xi'an"
