"""One strings table, two languages: the same keys and placeholders, and every key the code uses."""

from __future__ import annotations

import re
import string
from pathlib import Path

from bot.i18n import en, es, t

ROOT = Path(__file__).resolve().parents[3]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_spanish_and_english_have_the_same_keys_and_placeholders():
    assert set(es.STRINGS) == set(en.STRINGS)
    for key in es.STRINGS:
        assert placeholders(es.STRINGS[key]) == placeholders(en.STRINGS[key]), key


def test_every_literal_key_used_in_code_exists():
    used = set()
    for path in (ROOT / "bot").rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_0-9.]+)["']""", path.read_text(encoding="utf-8")))
    assert used and used <= set(es.STRINGS), used - set(es.STRINGS)


def test_every_counted_key_has_both_forms():
    used = set()
    for path in (ROOT / "bot").rglob("*.py"):
        used |= set(re.findall(r"""\btn\(\s*f?["']([a-z_]+\.[a-z_0-9.{}]+)["']""", path.read_text(encoding="utf-8")))
    assert used
    for key in used:
        if "{" in key:  # list.noun.{which}: every noun
            prefix = key.split("{")[0]
            forms = {k for k in es.STRINGS if k.startswith(prefix)}
            assert forms and all(k.rsplit(".", 1)[0] + ".one" in forms for k in forms), key
        else:
            assert {f"{key}.one", f"{key}.other"} <= set(es.STRINGS), key


def test_no_form_like_plurals_are_left():
    for table in (es.STRINGS, en.STRINGS):
        assert not [k for k, v in table.items() if re.search(r"(?<!http)\((?:e?s)\)", v)], "write plurals out: tn()"


def test_unknown_language_falls_back_to_spanish():
    assert t("status.done", "fr") == "Atendido" and t("status.done", "en") == "Done"
