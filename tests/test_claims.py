"""The claim checker against verdicts worked out by hand from the articles' own figures."""

from datetime import date

import pytest

from pricewar.claims import POINTS, RELATIVE, class_fit, evaluate, evaluate_all, judge_points, judge_relative, overall
from pricewar.records import Baseline, Check, Claim, ModelRef, Text


@pytest.fixture(scope="module")
def claims(ds):
    return {c.id: c for c in ds.claims}


@pytest.fixture(scope="module")
def gpt4_class_fit(ds):
    return class_fit(ds, "gpt-4-class")


def outcome(claims, series, cid, trend=None):
    return {(o.kind, o.baseline.name("en") if o.baseline else ""): o for o in evaluate(claims[cid], series, trend)}


def test_v2_is_1_in_72_of_gpt_4_turbo_on_input_and_1_in_108_on_output(claims, series):
    # by hand: 1 元 vs $10 × 7.2226 (Nov 2023) = 72.2 元; 2 元 vs $30 × 7.2226 = 216.7 元
    got = outcome(claims, series, "v2-70th-of-gpt-4-turbo")
    assert 1 / got[("input", "")].computed == pytest.approx(72.226)
    assert 1 / got[("output", "")].computed == pytest.approx(108.339)
    assert (got[("input", "")].verdict, got[("output", "")].verdict) == ("holds", "fails")
    other = outcome(claims, series, "v2-100th-of-gpt-4-turbo")  # aikeji's "近百分之一" is the output side
    assert (other[("input", "")].verdict, other[("output", "")].verdict) == ("fails", "holds")


def test_the_prices_behind_a_verdict_keep_what_the_source_stated(claims, series):
    (row_a, row_b) = outcome(claims, series, "v2-70th-of-gpt-4-turbo")[("input", "")].prices
    assert (row_a.model, row_a.stated_price, row_a.stated_currency, row_a.stated_unit) == (
        "DeepSeek-V2", 1.0, "CNY", "per_1m_tokens")
    assert (row_b.model, row_b.stated_currency, row_b.native, row_b.fx_month) == ("GPT-4 Turbo", "USD", 10.0, "2023-11")
    assert row_b.value == pytest.approx(10 * row_b.usd_cny) and row_b.line > 1


def test_the_cuts_the_articles_state(claims, series):
    for cid, value in [("qwen-long-cut-97", -97.5), ("glm-3-turbo-cut-80", -80.0), ("hunyuan-standard-cuts", -55.0),
                       ("hunyuan-pro-cut", -70.0)]:
        (o,) = evaluate(claims[cid], series)
        assert o.computed == pytest.approx(value) and o.verdict == "holds", cid


def test_v3_full_price_is_four_times_on_output_twice_on_input(claims, series):
    got = outcome(claims, series, "v3-full-price-4x")
    assert got[("output", "")].computed == 4 and got[("output", "")].verdict == "holds"
    assert got[("input", "")].computed == 2 and got[("input", "")].verdict == "fails"
    assert overall(list(got.values())) == "mixed"


def test_r1_within_1_20th_to_1_100th_of_o1(claims, series):
    # 4 元 vs $15 × 7.2801 (Dec 2024) = 109.2 元 → 1/27; cache hit 1 元 → 1/55
    got = outcome(claims, series, "r1-20th-to-100th-of-o1")
    assert 1 / got[("input", "")].computed == pytest.approx(15 * 7.2801 / 4, rel=1e-3)
    assert {o.verdict for o in got.values()} == {"holds"}


def test_unstated_baseline_gives_a_table_not_a_verdict(claims, series):
    got = evaluate(claims["doubao-99-3-cheaper"], series)
    by_base = {o.baseline.name("en"): o.computed for o in got}
    assert by_base["ERNIE 4.0 8k"] == pytest.approx((1 - 0.8 / 120) * 100)  # 99.33%: this baseline matches
    assert by_base["GPT-4 Turbo"] == pytest.approx((1 - 0.8 / 72.226) * 100)
    assert overall(got) == "baseline" and {o.verdict for o in got} == {"baseline"}


def test_a_candidate_set_is_named_in_the_readers_language(claims, series):
    got = evaluate(claims["domestic-35th-of-gpt-4o"], series)
    assert got[0].baseline.name("en").startswith("the May 2024 cuts")
    assert got[0].baseline.name("zh").startswith("2024 年 5 月降价的模型")


def test_claims_the_data_contradicts(claims, series):
    (kimi,) = evaluate(claims["kimi-cut-over-80"], series)
    assert kimi.computed == 0 and kimi.verdict == "fails"  # moonshot-v1 list price unchanged
    (qwen,) = evaluate(claims["qwen-max-sept-2024"], series)
    assert qwen.computed == 20 and qwen.verdict == "fails"  # two tracker snapshots say 20 元, not 2.4
    assert overall(evaluate(claims["v2-1pct-of-gpt-4"], series)) == "fails"  # 1/207, not 1/100


def test_annual_decline_claims_against_the_gpt_4_class_trend(claims, series, gpt4_class_fit):
    assert gpt4_class_fit.low < 10 < gpt4_class_fit.high
    (altman,) = evaluate(claims["altman-10x-a-year"], series, gpt4_class_fit)
    assert altman.verdict == "holds" and altman.computed == pytest.approx(gpt4_class_fit.factor)
    assert altman.fit == gpt4_class_fit


def test_every_claim_gets_a_verdict_or_a_baseline_table(ds):
    results = evaluate_all(ds)
    for claim, outcomes in results:
        assert overall(outcomes) in ("holds", "roughly", "fails", "mixed", "baseline"), claim.id
    assert len(results) == len(ds.claims) >= 20


def test_tolerances():
    assert RELATIVE == (0.10, 0.30) and POINTS == (3.0, 10.0)
    assert [judge_relative(v, 1.0) for v in (1.09, 0.75, 1.31)] == ["holds", "roughly", "fails"]
    assert [judge_points(v, -97) for v in (-95, -88, -80)] == ["holds", "roughly", "fails"]
    assert judge_relative(0.03, (0.01, 0.05)) == "holds" and judge_relative(0.06, (0.01, 0.05)) == "roughly"


def crafted(check: Check) -> Claim:
    return Claim("x", "s", Text("说", "said"), "q", Text("说法", "claim"), check)


def test_a_model_that_did_not_exist_yet_gives_no_data_not_a_verdict(series):
    too_early = Check("ratio", ("input",), a=(ModelRef("DeepSeek-V3"),), b=(Baseline((ModelRef("GPT-4o"),)),),
                      a_date=date(2024, 1, 1), b_date=date(2024, 6, 1),
                      claimed=0.1)
    (o,) = evaluate(crafted(too_early), series)
    assert o.computed is None and o.verdict == "no_data" and overall([o]) == "no_data"


def test_a_ratio_against_a_free_model_gives_no_data(series):
    free = Check("ratio", ("input",), a=(ModelRef("DeepSeek-V2"),), b=(Baseline((ModelRef("ERNIE Speed", "8k"),)),),
                 a_date=date(2024, 6, 1), b_date=date(2024, 6, 1), claimed=0.5)
    (o,) = evaluate(crafted(free), series)
    assert o.verdict == "no_data"  # no ratio to a price of 0


def test_claim_refs_name_subject_baselines_and_candidate_sets(claims):
    assert {r.label for r in claims["v2-70th-of-gpt-4-turbo"].refs} == {"DeepSeek-V2", "GPT-4 Turbo"}
    assert {"GPT-4o", "GLM-4", "moonshot-v1 8k"} <= {r.label for r in claims["domestic-35th-of-gpt-4o"].refs}
    assert claims["altman-10x-a-year"].refs == ()
