"""The view's round trip through the URL, and the notice for every bad parameter."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pricewar.view import DEFAULT, Choices, Notice, View, notice_text, parse_view, view_params

CHOICES = Choices(vendors=frozenset({"deepseek", "openai", "baidu"}), events=frozenset({"deepseek-v2-launch"}),
                  models=frozenset({"GPT-4 Turbo", "Doubao-pro 32k"}))


def test_empty_url_is_the_default_view():
    assert parse_view({}, CHOICES) == (DEFAULT, [])
    assert view_params(DEFAULT) == {}


def test_a_full_view_round_trips():
    view = View(lang="en", vendors=("deepseek", "openai"), start=date(2024, 5, 1), end=date(2024, 7, 1),
                currency="USD", kind="blended", event="deepseek-v2-launch", at=date(2024, 5, 22),
                before=date(2024, 5, 10), after=date(2024, 5, 30), ref="Doubao-pro 32k", embed=True)
    params = view_params(view)
    assert params["vendor"] == ["deepseek", "openai"] and params["currency"] == "USD"
    assert parse_view(params, CHOICES) == (view, [])


def test_bad_values_fall_back_with_a_notice_each():
    view, notices = parse_view({"lang": ["fr"], "vendor": ["deepseek", "nosuch"], "from": ["2024-02-30"],
                                "currency": ["EUR"], "kind": ["<script>"], "ref": ["GPT-9"], "x": ["1"]}, CHOICES)
    assert view == DEFAULT.with_(vendors=("deepseek",))
    assert {(n.param, n.value) for n in notices} == {("lang", "fr"), ("vendor", "nosuch"), ("from", "2024-02-30"),
                                                     ("currency", "EUR"), ("kind", "<script>"), ("ref", "GPT-9"),
                                                     ("x", "1")}


def test_reversed_range_and_repeated_values():
    view, notices = parse_view({"from": ["2025-01-01"], "to": ["2024-01-01"], "kind": ["input", "output"]}, CHOICES)
    assert (view.start, view.end) == (DEFAULT.start, DEFAULT.end)
    assert view.kind == "output"  # the last of repeated values, with a notice
    assert {n.reason for n in notices} == {"reversed", "repeated"}


def test_huge_values_are_not_looked_at():
    view, notices = parse_view({"lang": ["en" * 5000], "vendor": ["deepseek"] * 10_000}, CHOICES)
    assert view.lang == "zh" and view.vendors == ("deepseek",)
    assert len(notice_text(notices, "en")) < 400


def test_notice_text_in_both_languages():
    notes = [Notice("lang", "fr"), Notice("vendor", "x")]
    assert notice_text(notes, "en") == "These link parameters were not valid, so defaults are shown: lang=fr; vendor=x"
    assert notice_text(notes, "zh").startswith("网址中的以下参数无效")
    assert notice_text([], "en") == ""


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["lang", "vendor", "from", "to", "currency", "kind", "event", "at", "before",
                                        "after", "ref", "embed", "zzz"]),
                       st.lists(st.text(max_size=30), max_size=4), max_size=8))
def test_any_url_gives_a_valid_view(params):
    view, _ = parse_view(params, CHOICES)
    assert view.lang in ("zh", "en") and view.currency in ("CNY", "USD")
    assert set(view.vendors) <= CHOICES.vendors and view.start <= view.end and view.before <= view.after
    assert parse_view(view_params(view), CHOICES) == (view, [])
