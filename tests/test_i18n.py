"""Every string exists in both languages with the same placeholders."""

import re

import pytest

from pricewar import i18n


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_both_languages_present_with_same_placeholders(key):
    entry = i18n.STRINGS[key]
    assert set(entry) == set(i18n.LANGS)
    assert all(entry[lang].strip() for lang in i18n.LANGS)
    holes = {lang: set(re.findall(r"{(\w+)}", entry[lang])) for lang in i18n.LANGS}
    assert holes["zh"] == holes["en"]


def test_chinese_strings_are_chinese():
    assert re.search(r"[\u4e00-\u9fff]", i18n.t("app_title", "zh"))
    assert not re.search(r"[\u4e00-\u9fff]", i18n.t("app_title", "en"))


def test_unknown_language_falls_back_to_chinese():
    assert i18n.t("app_title", "fr") == i18n.t("app_title", "zh")
    assert i18n.t("coverage", "en", start="a", end="b").startswith("Prices dated a to b.")


def test_problem_counts_read_naturally_in_both_languages():
    assert i18n.count_problems(1, 1, "en") == "1 problem in 1 file"
    assert i18n.count_problems(3, 2, "en") == "3 problems in 2 files"
    assert i18n.count_problems(3, 2, "zh") == "2 个文件中有 3 个问题"
