"""Each broken file in tests/data/bad/ is reported with its file, line, field, value and expectation.

The messages are asserted word for word: they are what a journalist editing the data by hand reads.
"""

from pathlib import Path

import pytest

from pricewar import DataError, load_dataset, schema
from pricewar.validate import dispute_ids

BAD = Path(__file__).parent / "data" / "bad"
VENDOR_LIST = ("alibaba, anthropic, baidu, bytedance, deepseek, google, iflytek, minimax, modelbest, moonshot, "
               "openai, tencent, zhipu")
PRICE_EXPECTED = "a number ≥ 0 as the source states it (0 = free; no units or currency signs)"

CASES = {
    # prices.csv
    "prices_impossible_date": ["prices.csv:3: field 'date': value '2024-02-30' — expected a real date as YYYY-MM-DD"],
    "prices_date_format": ["prices.csv:2: field 'date': value '2024/05/06' — expected a real date as YYYY-MM-DD"],
    "prices_negative_price": [f"prices.csv:7: field 'price': value '-0.004' — expected {PRICE_EXPECTED}"],
    "prices_price_with_unit": [f"prices.csv:10: field 'price': value '5美元' — expected {PRICE_EXPECTED}"],
    "prices_unknown_vendor": [
        f"prices.csv:4: field 'vendor': value 'aliyun' — expected a vendor id from vendors.csv: {VENDOR_LIST}"],
    "prices_unknown_kind": [
        "prices.csv:11: field 'kind': value 'completion' — expected one of input, output, cache_hit, cache_miss"],
    "prices_unknown_currency": ["prices.csv:2: field 'currency': value 'RMB' — expected one of CNY, USD"],
    "prices_unknown_unit": [
        "prices.csv:4: field 'unit': value 'per_1k' — expected one of per_1k_tokens, per_1m_tokens"],
    "prices_unknown_source": [
        "prices.csv:5: field 'source': value 'article-z' — expected source ids defined in sources.yaml"],
    "prices_empty_quote": [
        "prices.csv:9: field 'quote': value (empty) — expected the source's own words for this price"],
    "prices_duplicate_key": [
        "prices.csv:14: field 'date': value '2024-07-01' — expected one row per (vendor, model, tier, kind, "
        "date, band_from, period); line 12 has the same key"],
    "prices_input_and_cache_miss": [
        "prices.csv:12: field 'kind': value 'cache_miss' — expected either an 'input' or a 'cache_miss' price "
        "for one model on one date (both are its input price)"],
    "prices_dispute_without_source": [
        "prices.csv:6: field 'dispute_en': value '3 yuan in another source' — expected the other reading and the "
        "[source-id] that gives it, in square brackets"],
    "prices_dispute_unknown_source": [
        "prices.csv:6: field 'dispute_en': value '3 yuan in another source [article-q]' — expected source ids in "
        "[brackets] defined in sources.yaml",
        "prices.csv:6: field 'dispute_zh': value '另一来源为 3 元 [article-q]' — expected source ids in [brackets] "
        "defined in sources.yaml"],
    "prices_dispute_sources_differ": [
        "prices.csv:6: field 'dispute_en': value '3 yuan in another source [tracker-b]' — expected the same "
        "[source-id]s as dispute_zh (the two texts give the same other readings)"],
    "prices_note_in_one_language": [
        "prices.csv:16: field 'note_zh': value (empty) — expected the Chinese text too, since note_en has one "
        "(readers see this text in their language)"],
    "prices_outside_fx": [
        "prices.csv:16: field 'date': value '2024-03-10' — expected a month with a USD/CNY rate in fx.csv "
        "(2024-04 to 2024-07; a month after the last one is converted at the last one, marked provisional)"],
    # how today's prices are sold: bands, hours, limited-time prices, confirmation
    "prices_band_reversed": ["prices.csv:2: field 'band_to': value '8' — expected an upper bound above band_from"],
    "prices_band_not_whole": [
        "prices.csv:2: field 'band_from': value '0.5' — expected a whole number ≥ 0 of thousands of tokens "
        "(0 = from the first token)"],
    "prices_band_to_alone": [
        "prices.csv:2: field 'band_from': value (empty) — expected the band's lower bound too, since band_to has "
        "one (0 for a band from the first token)"],
    "prices_period_unknown": [
        "prices.csv:2: field 'period': value 'night' — expected empty (all day) or one of peak, off_peak"],
    "prices_period_without_hours": [
        "prices.csv:2: field 'hours': value (empty) — expected the hours as HH:MM-HH:MM, e.g. 00:30-08:30, since "
        "the row has a period"],
    "prices_hours_malformed": [
        "prices.csv:2: field 'hours': value '8:30 to 24:00' — expected the hours as HH:MM-HH:MM, e.g. 00:30-08:30"],
    "prices_tz_malformed": [
        "prices.csv:2: field 'tz': value 'Beijing' — expected a time zone as UTC+8 or UTC-5:30"],
    "prices_days_unknown": [
        "prices.csv:2: field 'days': value 'weekends' — expected empty (every day) or one of every_day, "
        "weekdays"],
    "prices_hours_without_period": [
        "prices.csv:2: field 'period': value (empty) — expected peak or off_peak, since the row gives hours "
        "(which apply to a time-of-day price)",
        "prices.csv:2: field 'period': value (empty) — expected peak or off_peak, since the row gives tz "
        "(which apply to a time-of-day price)"],
    "prices_ends_before_date": [
        "prices.csv:2: field 'ends': value '2024-05-01' — expected a day after the price's 'date' (the first day "
        "it no longer applies)"],
    "prices_then_without_ends": [
        "prices.csv:2: field 'ends': value (empty) — expected the day the limited-time price ends, since the row "
        "says what it falls back to"],
    "prices_confirmed_before_date": [
        "prices.csv:2: field 'confirmed': value '2024-05-01' — expected a day on or after the price's 'date'"],
    "prices_announced_after": [
        "prices.csv:5: field 'announced': value '2024-05-30' — expected a date on or before the effective "
        "'date' (announced ≤ date)"],
    "prices_wrong_field_count": [
        "prices.csv:7: value '16 fields' — expected 15 fields, as in the header (a stray comma, or a text with "
        "a comma that needs \"double quotes\"?)"],
    "prices_missing_column": [
        "prices.csv:1: field 'quot' — expected only known columns (date, vendor, model, tier, kind, price, "
        "currency, unit, source, quote, dispute_zh, dispute_en, announced, note_zh, note_en, band_from, band_to, "
        "period, hours, tz, days, ends, then, confirmed)",
        "prices.csv:1: field 'quote' — expected a column named 'quote' in the header"],
    "prices_not_utf8": ["prices.csv:8 — expected UTF-8 text (byte 0xc3 is not)"],
    "prices_several_problems": [
        "prices.csv:2: field 'date': value '2024-05-32' — expected a real date as YYYY-MM-DD",
        f"prices.csv:3: field 'price': value 'two' — expected {PRICE_EXPECTED}",
        f"prices.csv:16: field 'vendor': value 'tencnet' — expected a vendor id from vendors.csv: {VENDOR_LIST}"],
    # events.yaml
    "events_malformed_yaml": [
        "events.yaml:23 — expected well-formed YAML (the parser says: while parsing a flow sequence did not find "
        "expected ',' or ']')"],
    "events_impossible_date": [
        "events.yaml:20: event 'market-news' (starts line 19): field 'date': value '2024-05-32' — expected a real date as YYYY-MM-DD"],
    "events_effective_before_date": [
        "events.yaml:21: event 'market-news' (starts line 19): field 'effective': value '2024-05-01' — expected a date on or after the event's date "
        "(2024-05-22)"],
    "events_missing_en_title": [
        "events.yaml:24: event 'market-news' (starts line 19): field 'title.en': value (missing) — expected a non-empty English text"],
    "events_unknown_vendor": [
        "events.yaml:4: event 'v2-launch' (starts line 2): field 'vendor': value 'deepmind' — expected a vendor id from vendors.csv"],
    "events_unknown_type": [
        "events.yaml:5: event 'v2-launch' (starts line 2): field 'type': value 'release' — expected one of launch, price_cut, free, promo_start, "
        "promo_end, price_restore, price_rise, consumer, open_source, claim, market"],
    "events_unknown_source": [
        "events.yaml:32: event 'market-news' (starts line 19): field 'sources.id': value 'article-x' — expected a source id defined in sources.yaml"],
    "events_duplicate_key": [
        "events.yaml:7: field 'importance' — expected each field once in a record (also on line 6)"],
    "events_bad_importance": [
        "events.yaml:23: event 'market-news' (starts line 19): field 'importance': value 'high' — expected 1, 2 or 3 (3 = annotate first)"],
    "events_unsafe_tag": [
        "events.yaml:23 — expected well-formed YAML (the parser says: could not determine a constructor for "
        "the tag 'tag:yaml.org,2002:python/object/apply:os.system')"],
    "events_duplicate_id": [
        "events.yaml:19: event 'v2-launch': field 'id': value 'v2-launch' — expected each event id once (also on line 2)"],
    "events_short_too_long": [
        "events.yaml:11: event 'v2-launch' (starts line 2): field 'short.en': value 'DeepSeek-V2 launches at 1 yuan input' — expected at most 28 characters (this has 36): the label the timeline prints beside the event's marker",
        "events.yaml:11: event 'v2-launch' (starts line 2): field 'short.zh': value 'DeepSeek-V2 发布，每百万 tokens 输入 1 元' — expected at most 14 characters, a Latin letter, digit or space counting half (this has 20.5): the label the timeline prints beside the event's marker"],
    "events_dispute_in_one_language": [
        "events.yaml:34: event 'market-news' (starts line 19): field 'dispute': value 'a different figure [tracker-b]' — expected a mapping with 'zh' and 'en' texts, like {zh: 中文, en: English}"],
    # sources.yaml
    "sources_javascript_url": [
        "sources.yaml:9: source 'article-a' (starts line 2): field 'url': value 'javascript:alert(1)' — expected an http:// or https:// link"],
    "sources_missing_title": ["sources.yaml:10: source 'tracker-b': field 'title': value (missing) — expected a non-empty text"],
    "sources_missing_name": [
        "sources.yaml:10: source 'tracker-b': field 'name': value (missing) — expected a mapping with 'zh' and 'en' texts, like {zh: IT时报, en: IT Times}: the outlet's name as a chart's credit line prints it"],
    "sources_outlet_in_one_language": [
        "sources.yaml:6: source 'article-a' (starts line 2): field 'outlet.zh': value (missing) — expected a non-empty Chinese text"],
    # vendors.csv
    "vendors_colour_not_in_palette": [
        "vendors.csv:2: field 'color': value '#FF0000' — expected a colour of the colour-blind-safe Okabe–Ito "
        "palette: #000000, #E69F00, #56B4E9, #009E73, #F0E442, #0072B2, #D55E00, #CC79A7"],
    "vendors_same_style": [
        "vendors.csv:9: field 'color': value '#CC79A7 solid star' — expected a colour, dash and marker that "
        "no other vendor has (line 7 has the same)"],
    "vendors_missing_name_zh": [
        "vendors.csv:3: field 'name_zh': value (empty) — expected the vendor's name in Chinese"],
    "vendors_country_not_iso": [
        "vendors.csv:12: field 'country': value 'USA' — expected an ISO 3166 alpha-2 country code in capitals, like CN, US or FR"],
    # claims.yaml, classes.yaml, published_rates.yaml: left out of the dashboard, and reported
    "claims_unknown_model": [
        "claims.yaml:7: claim 'v2-fifth-of-gpt-4o' (starts line 2): field 'check.b': value 'GPT-9' — expected a model (and tier) in prices.csv"],
    "claims_bad_claimed": [
        "claims.yaml:7: claim 'v2-fifth-of-gpt-4o' (starts line 2): field 'check.claimed': value '1/zero' — expected a number, a fraction like 1/70, or a range like [1/100, 1/20]"],
    "claims_unknown_class": [
        "claims.yaml:22: claim 'ten-times-a-year' (starts line 17): field 'check.class': value 'frontier' — expected a class id from classes.yaml"],
    "claims_change_without_dates": [
        "claims.yaml:15: claim 'qwen-long-cut' (starts line 9): field 'check.from': value (missing) — expected the dates of the change ('from' and 'to') on the check or on each model (Qwen-Long has none)"],
    "claims_unknown_bound": [
        "claims.yaml:15: claim 'qwen-long-cut' (starts line 9): field 'check.bound': value 'over' — expected one of about, at_least"],
    "claims_not_checkable_without_reason": [
        "claims.yaml:22: claim 'ten-times-a-year' (starts line 17): field 'check.reason': value (missing) — expected a mapping with 'zh' and 'en' texts, like {zh: 中文, en: English}"],
    "classes_without_models": [
        "classes.yaml:2: class 'flagships': field 'models': value (missing) — expected a list of model labels as the charts name them ('model tier'); [] for every model"],
    "classes_unknown_model": [
        "classes.yaml:4: class 'flagships' (starts line 2): field 'models': value 'GPT-5' — expected a model (and tier) in prices.csv, as the charts name it"],
    "rates_low_above_high": [
        "published_rates.yaml:6: rate 'test-rate' (starts line 2): field 'factor_high': value '900' — expected a factor ≥ factor_low (9000)"],
    "corrections_bad_as_of": [
        "corrections.yaml:1: field 'release.as_of': value 'June 2024' — expected the day the data speaks as of, as YYYY-MM-DD"],
    "corrections_unknown_source": [
        "corrections.yaml:9: correction 'qwen-long-date' (starts line 3): field 'sources': value 'article-z' — expected a source id from sources.yaml"],
    "rates_high_not_a_number": [
        "published_rates.yaml:6: rate 'test-rate' (starts line 2): field 'factor_high': value 'lots' — expected a number > 0: the fall per year as a factor (10 = ten times cheaper); leave it out for 'at least factor_low'"],
    "rates_missing_method": [
        "published_rates.yaml:2: rate 'test-rate': field 'method': value (missing) — expected a mapping with 'zh' and 'en' texts, like {zh: 中文, en: English}"],
    # fx.csv
    "fx_bad_month": [
        "fx.csv:4: field 'month': value '2024-13' — expected a month as YYYY-MM",
        # the price dated in the month whose rate is now unusable is reported too
        "prices.csv:16: field 'date': value '2024-06-10' — expected a month with a USD/CNY rate in fx.csv "
        "(2024-04 to 2024-07; a month after the last one is converted at the last one, marked provisional)"],
    "fx_zero_rate": ["fx.csv:5: field 'usd_cny': value '0' — expected a positive number of 元 per US$"],
}


def problems_of(folder: Path) -> list[str]:
    """Every problem `pricewar validate` reports: those of required files raise, those of optional files
    leave the file out of the dataset and are kept with it."""
    try:
        data = load_dataset(folder)
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in DataError([p for ps in data.problems.values() for p in ps]).problems]


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_case_reports_exact_problem(case, bad_case):
    assert problems_of(bad_case(case)) == CASES[case]


def test_every_bad_fixture_has_an_expectation():
    assert sorted(p.name for p in BAD.iterdir() if p.is_dir()) == sorted(
        [*CASES, "sources_duplicate_id"])


def test_duplicate_source_id_is_reported_with_its_first_line(bad_case):
    found = problems_of(bad_case("sources_duplicate_id"))
    assert "sources.yaml:10: source 'article-a': field 'id': value 'article-a' — expected each source id once (also on line 2)" in found
    # the renamed source no longer exists, so every row citing it is named too: nothing is lost silently
    assert sum("value 'tracker-b' — expected source ids defined in sources.yaml" in f for f in found) == 8


def test_problems_in_several_files_are_reported_together(bad_case, tmp_path):
    folder = bad_case("prices_several_problems")
    for case, name in [("events_impossible_date", "events.yaml"), ("sources_javascript_url", "sources.yaml"),
                       ("fx_zero_rate", "fx.csv")]:
        (folder / name).write_bytes((BAD / case / name).read_bytes())
    with pytest.raises(DataError) as info:
        load_dataset(folder)
    err = info.value
    assert len(err.problems) == 6
    assert {p.file for p in err.problems} == {"prices.csv", "events.yaml", "sources.yaml", "fx.csv"}
    assert err.summary() == "6 problems in 4 files"
    assert str(err).splitlines()[-1] == "6 problems in 4 files"


def test_problem_fields_are_structured(bad_case):
    with pytest.raises(DataError) as info:
        load_dataset(bad_case("prices_negative_price"))
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.field, problem.value) == ("prices.csv", 7, "price", "-0.004")


def test_missing_required_file_is_named(good_copy):
    (good_copy / "sources.yaml").unlink()
    found = problems_of(good_copy)
    assert found[-1] == "sources.yaml — expected the file to exist"


@pytest.mark.parametrize("name", ["events", "claims", "classes", "rates"])
def test_an_optional_file_may_be_absent_or_empty(good_copy, name):
    path = good_copy / schema.FILES[name]
    for text in (None, "", f"{schema.TOP_KEYS[name]}: []\n", f"{schema.TOP_KEYS[name]}:\n"):
        if text is None:
            path.unlink()
        else:
            path.write_text(text)
        data = load_dataset(good_copy)
        assert data.missing(name) == ("absent" if text is None else "empty") and name not in data.problems
        if name == "classes":  # a claim that names a class then names one that does not exist
            assert [p.value for p in data.problems["claims"]] == ["flagships"]
        else:
            assert not data.problems


def test_empty_csv_names_the_header_it_needs(good_copy):
    (good_copy / "fx.csv").write_text("")
    found = problems_of(good_copy)
    assert found[0] == "fx.csv:1 — expected a header line naming the columns: month, usd_cny, source"


def test_the_vendor_table_is_open(good_copy):
    lines = (good_copy / "vendors.csv").read_text().splitlines()
    kept = [line for line in lines if not line.startswith(("iflytek", "modelbest", "google"))]
    (good_copy / "vendors.csv").write_text("\n".join([*kept, "mistral,Mistral AI,Mistral AI,FR,#F0E442,solid,circle",
                                                      "xai,xAI,xAI,US,#F0E442,dash,square"]) + "\n")
    data = load_dataset(good_copy)
    assert {"mistral", "xai"} <= set(data.vendors["id"]) and "iflytek" not in set(data.vendors["id"])


def test_names_and_labels_are_measured_by_the_room_they_take():
    """A Chinese character counts one in the Chinese limits; a Latin letter, digit or space, half as wide,
    counts half. English counts characters."""
    assert schema.label_length("IT Times", "en") == 8 and schema.label_length("IT时报", "zh") == 3
    assert schema.label_length("数字生命卡兹克", "zh") == 7
    assert schema.label_length("DeepSeek-V2 输入 1 元", "zh") == 10.5


def test_a_label_at_its_limit_is_valid_and_one_beyond_it_is_not(good_copy):
    text = (good_copy / "events.yaml").read_text()
    at_limit = "short: {zh: 一二三四五六七八九十一二三四, en: abcdefghijklmnopqrstuvwxyzab}"
    (good_copy / "events.yaml").write_text(text.replace("short: {zh: 英伟达财报, en: Nvidia results}", at_limit))
    assert problems_of(good_copy) == []
    (good_copy / "events.yaml").write_text(text.replace("short: {zh: 英伟达财报, en: Nvidia results}",
                                                        at_limit.replace("四,", "四a,").replace("b}", "bc}")))
    assert [p.split(" — ")[1] for p in problems_of(good_copy)] == [
        "expected at most 28 characters (this has 29): the label the timeline prints beside the event's marker",
        "expected at most 14 characters, a Latin letter, digit or space counting half (this has 14.5): the label "
        "the timeline prints beside the event's marker"]


def test_dispute_ids_are_read_from_brackets():
    assert dispute_ids("2 元 [kazike-2024-05-22]; 0.5 元 [ thread-2024-05 ]") == ["kazike-2024-05-22",
                                                                                "thread-2024-05"]
    assert dispute_ids("no source named") == []


def test_empty_sources_file_lacks_its_list(good_copy):
    (good_copy / "sources.yaml").write_text("# nothing yet\n")
    assert problems_of(good_copy)[-1] == "sources.yaml:1: field 'sources' — expected a top-level 'sources:' list of records"


def test_an_optional_file_of_the_wrong_shape_lacks_its_list(good_copy):
    (good_copy / "claims.yaml").write_text("- id: x\n")
    assert problems_of(good_copy) == ["claims.yaml:1: field 'claims' — expected a top-level 'claims:' list of records"]


def test_an_invalid_optional_file_is_left_out_whole_and_kept_with_its_problems(bad_case):
    data = load_dataset(bad_case("claims_unknown_model"))
    assert data.claims == () and data.missing("claims") == "invalid"
    assert [p.field for p in data.problems["claims"]] == ["check.b"]
    assert len(data.classes) == 2 and data.missing("classes") is None  # the other files are used as usual


def test_malformed_urls_are_problems_not_crashes(good_copy):
    text = (good_copy / "sources.yaml").read_text()
    (good_copy / "sources.yaml").write_text(text.replace("url: https://example.com/a", "url: http://[")
                                            .replace("url: https://example.com/b", "url: https://"))
    found = problems_of(good_copy)
    assert [f.split(": field")[1] for f in found] == [
        " 'url': value 'http://[' — expected an http:// or https:// link",
        " 'url': value 'https://' — expected an http:// or https:// link"]


def test_a_prices_file_with_only_its_header_is_a_problem_not_a_crash(good_copy):
    header = (good_copy / "prices.csv").read_text().splitlines()[0]
    (good_copy / "prices.csv").write_text(header + "\n")
    found = problems_of(good_copy)
    assert found[-1] == "prices.csv:2 — expected at least one price, a row under the header"
    assert all(p.startswith(("claims.yaml", "classes.yaml")) for p in found[:-1])  # the models they name are gone


def test_a_source_without_a_title_of_its_own_is_described_in_both_languages(good_copy):
    path = good_copy / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    title: Test tracker B",
                                 "    title: {zh: 测试追踪器 B（提交 abc1234）, en: Test tracker B at commit abc1234}"),
                    encoding="utf-8")
    sources = load_dataset(good_copy).sources.set_index("id")
    assert (sources.loc["tracker-b", "title_zh"], sources.loc["tracker-b", "title_en"]) == (
        "测试追踪器 B（提交 abc1234）", "Test tracker B at commit abc1234")
    assert sources.loc["article-a", "title_zh"] == sources.loc["article-a", "title_en"] == "测试文章 A"  # its own
    path.write_text(text.replace("    title: Test tracker B", "    title: {zh: 测试追踪器 B}"), encoding="utf-8")
    assert problems_of(good_copy) == [
        "sources.yaml:12: source 'tracker-b' (starts line 10): field 'title.en': value (missing) — expected a non-empty "
        "English text"]
