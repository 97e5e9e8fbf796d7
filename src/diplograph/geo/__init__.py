"""Event locations: an offline gazetteer and the rules that pick an event's place."""

from diplograph.geo.gazetteer import Gazetteer, Place
from diplograph.geo.locator import Locator

__all__ = ["Gazetteer", "Locator", "Place"]
