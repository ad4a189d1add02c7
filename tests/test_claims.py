"""The claim checker against verdicts worked out by hand from the articles' own figures."""

from dataclasses import replace
from datetime import date

import pytest

from pricewar.claims import (
    POINTS,
    RELATIVE,
    Fit,
    class_fit,
    evaluate,
    evaluate_all,
    judge_points,
    judge_relative,
    overall,
)
from pricewar.records import Baseline, Check, Claim, ModelRef, Text


@pytest.fixture(scope="module")
def claims(ds):
    return {c.id: c for c in ds.claims}


@pytest.fixture(scope="module")
def gpt4_class_fit(ds):
    return class_fit(ds, "gpt-4-class")


@pytest.fixture(scope="module")
def fx(ds):
    return ds.fx


def run(claim, series, fx, trend=None):
    return evaluate(claim, series, fx, trend)


def outcome(claims, series, cid, fx, trend=None):
    return {(o.kind, o.baseline.name("en") if o.baseline else ""): o for o in run(claims[cid], series, fx, trend)}


def test_v2_is_1_in_72_of_gpt_4_turbo_on_input_and_1_in_108_on_output(claims, series, fx):
    # by hand, at the claim date's month: 1 元 vs $10 × 7.2327 (May 2024) = 72.3 元; 2 元 vs $30 × 7.2327 = 217 元
    got = outcome(claims, series, "v2-70th-of-gpt-4-turbo", fx)
    assert 1 / got[("input", "")].computed == pytest.approx(72.327)
    assert 1 / got[("output", "")].computed == pytest.approx(108.4905)
    assert (got[("input", "")].verdict, got[("output", "")].verdict) == ("holds", "fails")
    other = outcome(claims, series, "v2-100th-of-gpt-4-turbo", fx)  # aikeji's "近百分之一" is the output side
    assert (other[("input", "")].verdict, other[("output", "")].verdict) == ("fails", "holds")


def test_the_prices_behind_a_verdict_keep_what_the_source_stated(claims, series, fx):
    (row_a, row_b) = outcome(claims, series, "v2-70th-of-gpt-4-turbo", fx)[("input", "")].prices
    assert (row_a.model, row_a.stated_price, row_a.stated_currency, row_a.stated_unit) == (
        "DeepSeek-V2", 1.0, "CNY", "per_1m_tokens")
    # GPT-4 Turbo's price took effect in 2023-11, but the claim compares on 2024-05-06: May 2024's rate
    assert (row_b.model, row_b.stated_currency, row_b.native, row_b.fx_month) == ("GPT-4 Turbo", "USD", 10.0, "2024-05")
    assert row_b.value == pytest.approx(10 * row_b.usd_cny) and row_b.line > 1


def test_the_cuts_the_articles_state(claims, series, fx):
    for cid, value in [("qwen-long-cut-97", -97.5), ("glm-3-turbo-cut-80", -80.0), ("hunyuan-standard-cuts", -55.0),
                       ("hunyuan-standard-output-cut", -50.0), ("hunyuan-pro-cut", -70.0)]:
        (o,) = run(claims[cid], series, fx)
        assert o.computed == pytest.approx(value) and o.verdict == "holds", cid


def test_v3_full_price_is_checked_on_the_output_price_the_quote_names(claims, series, fx):
    # "输出价格则定为每百万Token 8元，是优惠期的4倍": output only, 8 / 2 = 4
    got = outcome(claims, series, "v3-full-price-4x", fx)
    assert set(got) == {("output", "")}
    assert got[("output", "")].computed == 4 and overall(list(got.values())) == "holds"


def test_r1_within_1_20th_to_1_100th_of_o1(claims, series, fx):
    # on 2025-02-13 at Feb 2025's rate: 4 元 vs $15 × 7.2734 = 109.1 元 → 1/27; cache hit 1 元 → 1/55
    got = outcome(claims, series, "r1-20th-to-100th-of-o1", fx)
    assert 1 / got[("input", "")].computed == pytest.approx(15 * 7.2734 / 4, rel=1e-4)
    assert {o.verdict for o in got.values()} == {"holds"}


def test_unstated_baseline_gives_a_table_not_a_verdict(claims, series, fx):
    got = run(claims["doubao-99-3-cheaper"], series, fx)
    by_base = {o.baseline.name("en"): o.computed for o in got}
    assert by_base["ERNIE 4.0 8k"] == pytest.approx((1 - 0.8 / 120) * 100)  # 99.33%: this baseline matches
    assert by_base["GPT-4 Turbo"] == pytest.approx((1 - 0.8 / (10 * 7.2609)) * 100)  # at July 2024's rate (7.2609)
    assert overall(got) == "baseline" and {o.verdict for o in got} == {"baseline"}


def test_an_unstated_gpt_4_gives_both_gpt_4s_as_candidates(claims, series, fx):
    # "降至GPT-4的1%": which GPT-4 is not said — against GPT-4 8k it is 1/217, against GPT-4 Turbo 1/72
    got = outcome(claims, series, "v2-1pct-of-gpt-4", fx)
    assert {b for _, b in got} == {"GPT-4 8k", "GPT-4 Turbo"}
    assert 1 / got[("input", "GPT-4 8k")].computed == pytest.approx(30 * 7.2327)
    assert overall(list(got.values())) == "baseline"


def test_one_reading_of_an_unstated_baseline_is_a_candidate_not_a_verdict(claims, series, fx):
    got = run(claims["openai-90pct-in-18-months"], series, fx)
    assert overall(got) == "baseline" and {o.baseline.name("en") for o in got} == {"GPT-4 8k"}


def test_candidate_sets_hold_only_the_vendors_the_thread_names(claims, series, fx):
    # the thread names DeepSeek, Zhipu, ByteDance's Doubao, Baidu's ERNIE and Alibaba's Qwen — never Tencent
    for cid in ("domestic-35th-of-gpt-4o", "domestic-30x-cheaper-than-overseas", "domestic-95pct-overnight"):
        assert not [r for r in claims[cid].refs if r.model.startswith("hunyuan")], cid
    got = run(claims["domestic-35th-of-gpt-4o"], series, fx)
    assert got[0].baseline.name("en").startswith("the cut models the thread names")
    assert got[0].baseline.name("zh").startswith("帖文点名的降价模型")


def test_every_named_subject_is_checked_and_mostly_means_more_than_half(claims, series, fx):
    # "通义、豆包、Kimi、百度的降幅大多在80%以上": Qwen-Long −97.5% and ERNIE Speed −100% hold, Kimi's 0% fails,
    # Doubao had no price before its launch: two of four hold, and Doubao, missing, decides whether most do
    claim = claims["kimi-cut-over-80"]
    got = {o.baseline.name("en"): o for o in run(claim, series, fx)}
    assert {k: (o.computed, o.verdict) for k, o in got.items()} == {
        "Qwen-Long": (pytest.approx(-97.5), "holds"), "Doubao-pro 32k": (None, "no_data"),
        "moonshot-v1 8k": (0.0, "fails"), "ERNIE Speed 8k": (-100.0, "holds")}
    lines = list(got.values())
    assert overall(lines, claim.check) == "no_data"
    assert overall(lines, replace(claim.check, each="all")) == "fails"
    kimi_cut = replace(lines[2], computed=-85.0, verdict="holds")  # had Kimi cut 85%, three of four would hold
    assert overall([lines[0], lines[1], kimi_cut, lines[3]], claim.check) == "holds"
    assert overall([lines[0], replace(lines[1], verdict="fails"), lines[2], lines[3]], claim.check) == "fails"


def test_roughly_on_one_price_and_not_on_another_is_not_held(claims, series, fx):
    # "价格高出DeepSeek-V3数倍" (2–9×): about 11× on input, 14× on output
    got = run(claims["sonnet-several-times-v3"], series, fx)
    assert [o.verdict for o in got] == ["roughly", "fails"] and overall(got) == "fails"


def test_claims_the_data_contradicts(claims, series, fx):
    (qwen,) = run(claims["qwen-max-sept-2024"], series, fx)
    assert qwen.computed == 20 and qwen.verdict == "fails"  # two tracker snapshots say 20 元, not 2.4
    assert overall(run(claims["qwen-max-above-v3"], series, fx)) == "fails"  # 20/60 is 7.5–10× V3's 2/8, not "略高"


def test_claims_prices_cannot_test_are_not_checkable_with_the_reason(claims, series, fx):
    for cid in ("li-ernie-cost-99pct", "google-qa-cost-80pct", "li-90pct-a-year"):
        got = run(claims[cid], series, fx)
        assert overall(got) == "not_checkable" and claims[cid].check.reason["en"], cid


def test_annual_decline_claims_against_the_gpt_4_class_trend(claims, series, fx, gpt4_class_fit):
    assert gpt4_class_fit.low < 10 < gpt4_class_fit.high
    (altman,) = run(claims["altman-10x-a-year"], series, fx, gpt4_class_fit)
    assert altman.verdict == "holds" and altman.computed == pytest.approx(gpt4_class_fit.factor)
    assert altman.fit == gpt4_class_fit


def test_at_least_claims_hold_at_the_figure_or_beyond():
    assert judge_points(-97.5, -95, "at_least") == "holds" and judge_points(-97.5, -95) == "holds"
    assert judge_points(-100, -80, "at_least") == "holds" and judge_points(-100, -80) == "fails"
    assert judge_relative(1 / 44, 1 / 30, "at_least") == "holds" and judge_relative(1 / 44, 1 / 30) == "fails"
    assert judge_relative(40, 10, "at_least") == "holds"
    fit = Fit("c", factor=13.7, low=5.5, high=33, n=9)
    at_least = Check("annual_decline", ("blended",), claimed=10, bound="at_least")
    assert run(crafted(at_least), None, None, fit)[0].verdict == "holds"
    assert run(crafted(replace(at_least, claimed=20)), None, None, fit)[0].verdict == "roughly"  # inside the interval
    assert run(crafted(replace(at_least, claimed=50)), None, None, fit)[0].verdict == "fails"


def test_every_claim_gets_a_verdict_a_baseline_table_or_a_reason(ds):
    results = evaluate_all(ds)
    for claim, outcomes in results:
        word = overall(outcomes, claim.check)
        assert word in ("holds", "roughly", "fails", "mixed", "baseline", "not_checkable", "no_data"), claim.id
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
    (o,) = run(crafted(too_early), series, None)
    assert o.computed is None and o.verdict == "no_data" and overall([o]) == "no_data"


def test_a_ratio_against_a_free_model_gives_no_data(series, fx):
    free = Check("ratio", ("input",), a=(ModelRef("DeepSeek-V2"),), b=(Baseline((ModelRef("ERNIE Speed", "8k"),)),),
                 a_date=date(2024, 6, 1), b_date=date(2024, 6, 1), claimed=0.5)
    (o,) = run(crafted(free), series, fx)
    assert o.verdict == "no_data"  # no ratio to a price of 0


def test_claim_refs_name_subject_baselines_and_candidate_sets(claims):
    assert {r.label for r in claims["v2-70th-of-gpt-4-turbo"].refs} == {"DeepSeek-V2", "GPT-4 Turbo"}
    assert {"GPT-4o", "GLM-4", "Qwen-Max"} <= {r.label for r in claims["domestic-35th-of-gpt-4o"].refs}
    assert claims["altman-10x-a-year"].refs == ()


def test_the_claims_the_articles_made_and_the_data_lacked(claims, series, fx):
    # "和DeepSeek-V3几乎持平": $1.10 at Feb 2025's 7.2734 is 8.0 元 against V3's 8 元 output; $0.2 is 73% of 2 元
    got = outcome(claims, series, "minimax-level-with-v3", fx)
    assert got[("output", "")].computed == pytest.approx(1.1 * 7.2734 / 8)
    assert (got[("input", "")].verdict, got[("output", "")].verdict) == ("roughly", "holds")
    assert overall(list(got.values())) == "roughly"  # roughly on one price, held on the other: roughly, not "mixed"
    (out,) = run(claims["hunyuan-standard-output-cut"], series, fx)
    assert out.kind == "output" and out.computed == pytest.approx(-50)
