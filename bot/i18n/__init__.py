"""The strings table: every user-facing sentence, in Spanish and English, behind ``t(key, **params)``."""

from __future__ import annotations

from bot.i18n import en, es

TABLES: dict[str, dict[str, str]] = {"es": es.STRINGS, "en": en.STRINGS}
LANGUAGES = tuple(TABLES)


def t(key: str, lang: str = "es", /, **params: object) -> str:
    """The sentence ``key`` in ``lang`` (Spanish when unknown), with ``params`` filled in."""
    table = TABLES.get(lang, es.STRINGS)
    template = table.get(key) or es.STRINGS[key]
    return template.format(**params) if params else template


def tn(key: str, lang: str, count: int, /, **params: object) -> str:
    """The sentence ``key.one`` or ``key.other`` as ``count`` asks (both languages: one only for 1)."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", lang, count=count, **params)


def pick_language(*candidates: str | None, default: str = "es") -> str:
    """The first candidate we speak (``es-MX`` → ``es``, ``en-US`` → ``en``)."""
    for candidate in candidates:
        if candidate and candidate[:2].lower() in TABLES:
            return candidate[:2].lower()
    return default


def status_label(status: str, lang: str = "es") -> str:
    return t(f"status.{status}", lang)
