"""The area catalog as plain data: acronyms, names and aliases, found in text with typo tolerance."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

from bot.textnorm import fold

_STOP = {"de", "del", "la", "el", "los", "las", "y", "en", "materia", "of", "the"}
_WORD = re.compile(r"[a-z0-9ñ]+")
# An alias written with its article ("el Registro") is a proper name: it counts only capitalised, after an article.
_ARTICLES = r"el|del|al|la|de\s+la|a\s+la|the"
_PROPER = re.compile(r"(?:el|la)\s+([A-ZÁÉÍÓÚÑ]\w+)")


@dataclass(frozen=True)
class AreaInfo:
    acronym: str
    name: str
    aliases: tuple[str, ...] = ()


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


class AreaCatalog:
    """Finds areas by acronym (any case), full name or alias, tolerating accents and small typos."""

    def __init__(self, areas: Iterable[AreaInfo]):
        self.areas = tuple(areas)
        self._by_token: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._proper: list[tuple[re.Pattern[str], str]] = []
        self._proper_words: dict[str, str] = {}
        for area in self.areas:
            self._by_token[fold(area.acronym)] = area.acronym
            for alias in area.aliases:
                words = _words(alias)
                proper = _PROPER.fullmatch(alias)
                if proper:  # "el Registro": as written, capital and all ("el registro a la LNERE" names no area)
                    self._proper.append((re.compile(rf"\b(?:{_ARTICLES})\s+{re.escape(proper[1])}\b"), area.acronym))
                    self._proper_words[proper[1]] = area.acronym
                    continue
                if len(words) == 1:
                    self._by_token[fold(alias)] = area.acronym
                if len(words) > 1 or not alias.isupper() and len(alias) >= 5:  # a word, not an acronym: typos too
                    self._names[" ".join(words)] = area.acronym
            self._names[" ".join(_words(area.name))] = area.acronym

    @cached_property
    def _name_keys(self) -> list[str]:
        return sorted(self._names, key=len, reverse=True)

    @cached_property
    def _keys_by_size(self) -> dict[int, list[str]]:
        """Names by their number of words (each list in ``_name_keys`` order)."""
        sizes: dict[int, list[str]] = {}
        for key in self._name_keys:
            sizes.setdefault(len(key.split()), []).append(key)
        return sizes

    @cached_property
    def _lengths(self) -> dict[int, tuple[float, float]]:
        """For each size, the lengths a text may have and still score 88 (2·min/(a+b) ≥ 0.88) against a name."""
        return {
            size: (0.78 * min(map(len, keys)), max(map(len, keys)) / 0.78) for size, keys in self._keys_by_size.items()
        }

    @cached_property
    def _rank(self) -> dict[str, int]:
        return {key: n for n, key in enumerate(self._name_keys)}

    def exact(self, text: str) -> str | None:
        """The acronym for an acronym, alias or full name written in full (case and accents ignored)."""
        key = " ".join(_words(text))
        found = self._by_token.get(key.replace(" ", "")) or self._names.get(key)
        return found or self._proper_words.get(text.strip())

    def find(self, text: str) -> tuple[str, tuple[int, int]] | None:
        """The first area named in free text, and the span (in folded-word positions) that named it."""
        words = _words(text)
        hits: list[tuple[int, int, str]] = []
        for i, word in enumerate(words):
            acronym = self._by_token.get(word) or self._plural(word, text)
            if acronym and (len(word) > 2 or word.upper() in text or word in ("dj", "dea", "ime", "sre", "inm")):
                hits.append((i, i + 1, acronym))
        hits.extend(self._find_names(words))
        for pattern, acronym in self._proper:
            m = pattern.search(text)
            if m:
                start = len(_words(text[: m.start()])) + 1  # the name, after its article
                hits.append((start, start + 1, acronym))
        if not hits:
            return None
        start, end, acronym = min(hits)
        return acronym, (start, end)

    def _plural(self, word: str, text: str) -> str | None:
        """An acronym in the plural as it is written, capitals and a small s ("los OPLs", "the OPLEs")."""
        acronym = self._by_token.get(word[:-1]) if word.endswith("s") and len(word) > 3 else None
        return acronym if acronym and re.search(rf"\b{re.escape(word[:-1].upper())}s\b", text) else None

    def _find_names(self, words: list[str]) -> list[tuple[int, int, str]]:
        """Names starting at each word: the longest name (first in ``_name_keys``) that the words there spell
        out, exactly or within a small typo; the comparison runs in rapidfuzz, a few calls per word."""
        hits = []
        for i, word in enumerate(words):
            if word in _STOP or len(word) < 4:
                continue
            found: list[str] = []
            for size, keys in self._keys_by_size.items():
                candidate = " ".join(words[i : i + size])
                low, high = self._lengths[size]
                if not low <= len(candidate) <= high:  # too short or too long to score 88 against any of them
                    continue
                matches = process.extract(candidate, keys, scorer=fuzz.ratio, score_cutoff=88, limit=None)
                found.extend(key for key, _, _ in matches if len(candidate) >= 0.8 * len(key))
            if found:
                key = min(found, key=self._rank.__getitem__)
                hits.append((i, i + len(key.split()), self._names[key]))
        return hits

    def fuzzy_token(self, token: str) -> str | None:
        """A misspelt acronym (``DRFE``) → ``DERFE`` when one candidate is clearly closest."""
        folded = fold(token)
        if len(folded) < 4:
            return None
        best = process.extractOne(folded, list(self._by_token), scorer=fuzz.ratio, score_cutoff=80)
        return self._by_token[best[0]] if best else None
