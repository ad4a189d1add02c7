"""Every string exists in both languages with the same placeholders, and every string is used."""

import ast
import re
from pathlib import Path

import pytest

from pricewar import claims, i18n, schema, text, trend
from pricewar.charts import CSV_COLUMNS
from pricewar.layout import IMAGE_FILES
from pricewar.view import CHART_PAGES, PAGES, WORDS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*ROOT.glob("pricewar/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("app_pages/*.py"), ROOT / "app.py"]
FAMILIES = {  # keys the code composes from a prefix and a value of a vocabulary
    "kind_": set(schema.SERIES_KINDS) | set(schema.PRICE_KINDS),
    "type_": set(schema.EVENT_TYPES),
    "verdict_": set(claims.VERDICTS),
    "cur_": set(schema.CURRENCIES),
    "page_": set(PAGES),
    "needs_": {"absent", "empty", "invalid"},
    "needs_what_": set(schema.OPTIONAL_FILES),
    "source_kind_": set(schema.SOURCE_KINDS),
    "claim_each_": set(schema.EACH),
    "ratio_": set(text.RATIO_FORMS),
    "trend_": set(trend.SHORTFALLS),
    "chart_": {n for names in CHART_PAGES.values() for n in names if len(names) > 1},
    "words_": set(WORDS) | {f"{w}_placeholder" for w in WORDS},
    "download_": {f"{size}_{fmt}" for size, fmt, _ in IMAGE_FILES},
    "stated_": set(schema.UNITS),
    "csv_": set(CSV_COLUMNS),
}


def _code_strings() -> tuple[set[str], set[str]]:
    """Every string constant in the product's code, and every prefix it composes a key from (the start of
    an f-string, or of a ``"prefix_" + value`` sum)."""
    constants, prefixes = set(), set()
    for path in SOURCES:
        if path.name == "i18n.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                prefixes.add(node.values[0].value)
            elif isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant):
                prefixes.add(str(node.left.value))
    return constants, prefixes


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_both_languages_present_with_same_placeholders(key):
    entry = i18n.STRINGS[key]
    assert set(entry) == set(i18n.LANGS)
    assert all(entry[lang].strip() for lang in i18n.LANGS)
    holes = {lang: set(re.findall(r"{(\w+)}", entry[lang])) for lang in i18n.LANGS}
    assert holes["zh"] == holes["en"]


def test_every_string_is_used_and_every_composed_key_exists():
    constants, prefixes = _code_strings()
    family_keys = {prefix + value for prefix, values in FAMILIES.items() if prefix in prefixes for value in values}
    assert family_keys - set(i18n.STRINGS) == set()  # every kind, type, verdict … has its words
    unused = sorted(k for k in i18n.STRINGS if k not in constants and k not in family_keys)
    assert unused == []
    assert {p for p in FAMILIES if p not in prefixes} == set()  # each family is still composed somewhere


def test_chinese_strings_are_chinese():
    assert re.search(r"[\u4e00-\u9fff]", i18n.t("app_title", "zh"))
    assert not re.search(r"[\u4e00-\u9fff]", i18n.t("app_title", "en"))


def test_unknown_language_falls_back_to_chinese():
    assert i18n.t("app_title", "fr") == i18n.t("app_title", "zh")
    assert i18n.t("date_span", "en", start="a", end="b") == "a to b"


def test_problem_counts_read_naturally_in_both_languages():
    assert i18n.count_problems(1, 1, "en") == "1 problem in 1 file"
    assert i18n.count_problems(3, 2, "en") == "3 problems in 2 files"
    assert i18n.count_problems(3, 2, "zh") == "2 个文件中有 3 个问题"


def test_countries_are_named_in_both_languages_and_unknown_ones_by_their_code():
    assert (i18n.country("CN", "zh"), i18n.country("FR", "en"), i18n.country("KE", "en")) == ("中国", "France", "KE")
    assert set(i18n.COUNTRIES) <= schema.COUNTRIES
