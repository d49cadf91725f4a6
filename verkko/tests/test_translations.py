"""Finnish first, Swedish and English complete: every message has a Finnish and a Swedish translation."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po"))
# One entry of a .po file: optional comments and flags, msgctxt, msgid, msgid_plural, msgstr(s).
ENTRY = re.compile(
    r"(?:^#.*\n)*"
    r"(?:msgctxt .*\n(?:\".*\"\n)*)?"
    r"msgid (.*\n(?:\".*\"\n)*)"
    r"(?:msgid_plural .*\n(?:\".*\"\n)*)?"
    r"((?:msgstr.*\n(?:\".*\"\n)*)+)",
    re.M,
)


def _entries(path):
    text = path.read_text(encoding="utf-8") + "\n"
    for match in ENTRY.finditer(text):
        start = text.rfind("\n\n", 0, match.start()) + 2
        flags = text[start : match.start()] + match.group(0)
        msgid = "".join(re.findall(r'"(.*)"', match.group(1)))
        translations = [
            "".join(re.findall(r'"(.*)"', part)) for part in re.split(r"^msgstr", match.group(2), flags=re.M)[1:]
        ]
        if msgid and "#~" not in flags:
            yield msgid, translations, "fuzzy" in flags


def test_every_app_has_finnish_and_swedish_catalogs():
    apps = {path.parts[-5] for path in CATALOGS}
    languages = {(path.parts[-5], path.parts[-3]) for path in CATALOGS}
    assert {"accounts", "ecosystem", "stats", "goals", "situation", "reports", "lib", "verkko"} <= apps
    assert all((app, language) in languages for app in apps for language in ("fi", "sv"))


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_message_is_translated(catalog):
    missing = [msgid for msgid, translations, fuzzy in _entries(catalog) if fuzzy or not all(translations)]
    assert not missing, f"{len(missing)} untranslated or fuzzy: {missing[:10]}"
