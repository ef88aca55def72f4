"""Language understanding: Spanish first, English too. Returns data (a Request), never a reply."""

from datetime import datetime

from bot.nlu.areas import AreaCatalog, AreaInfo
from bot.nlu.request import INTENTS, Request
from bot.nlu.understand import parse

__all__ = ["INTENTS", "AreaCatalog", "AreaInfo", "Request", "parse", "warm_up"]


def warm_up(now: datetime) -> None:
    """Pay the language layer's first-time costs at start-up: the classifier's arrays and dateparser's data."""
    from bot.nlu import dates, model

    model.warm_up()
    dates.warm_up(now)
