"""Language understanding: Spanish first, English too. Returns data (a Request), never a reply."""

from bot.nlu.areas import AreaCatalog, AreaInfo
from bot.nlu.parser import parse
from bot.nlu.request import INTENTS, Request

__all__ = ["INTENTS", "AreaCatalog", "AreaInfo", "Request", "parse"]
