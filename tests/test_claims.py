"""The claim checker against verdicts worked out by hand from the articles' own figures."""

from pathlib import Path

import pytest
import yaml

from pricewar.claims import evaluate, judge_points, judge_relative, load_claims, overall
from pricewar.errors import DataError
from pricewar.load import SHIPPED_DATA
from pricewar.select import model_label
from pricewar.trend import cheapest_over_time, fit, in_class


@pytest.fixture(scope="module")
def claims(ds, series):
    labels = {model_label(m, t) for m, t in zip(series["model"], series["tier"], strict=True)}
    return {c["id"]: c for c in load_claims(SHIPPED_DATA / "claims.yaml", labels, set(ds.sources["id"]))}


@pytest.fixture(scope="module")
def gpt4_class_fit(series):
    classes = yaml.safe_load((SHIPPED_DATA / "classes.yaml").read_text())["classes"]
    members = next(c for c in classes if c["id"] == "gpt-4-class")["models"]
    return fit(cheapest_over_time(in_class(series[series["series"] == "blended"], members)))


def outcome(claims, series, cid, trend=None):
    return {(o.kind, o.baseline): o for o in evaluate(claims[cid], series, trend)}


def test_v2_is_1_in_72_of_gpt_4_turbo_on_input_and_1_in_108_on_output(claims, series):
    # by hand: 1 元 vs $10 × 7.2226 (Nov 2023) = 72.2 元; 2 元 vs $30 × 7.2226 = 216.7 元
    got = outcome(claims, series, "v2-70th-of-gpt-4-turbo")
    assert 1 / got[("input", "")].computed == pytest.approx(72.226)
    assert 1 / got[("output", "")].computed == pytest.approx(108.339)
    assert (got[("input", "")].verdict, got[("output", "")].verdict) == ("holds", "fails")
    other = outcome(claims, series, "v2-100th-of-gpt-4-turbo")  # aikeji's "近百分之一" is the output side
    assert (other[("input", "")].verdict, other[("output", "")].verdict) == ("fails", "holds")


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
    by_base = {o.baseline: o.computed for o in got}
    assert by_base["ERNIE 4.0 8k"] == pytest.approx((1 - 0.8 / 120) * 100)  # 99.33%: this baseline matches
    assert by_base["GPT-4 Turbo"] == pytest.approx((1 - 0.8 / 72.226) * 100)
    assert overall(got) == "baseline"


def test_claims_the_data_contradicts(claims, series):
    (kimi,) = evaluate(claims["kimi-cut-over-80"], series)
    assert kimi.computed == 0 and kimi.verdict == "fails"  # moonshot-v1 list price unchanged
    (qwen,) = evaluate(claims["qwen-max-sept-2024"], series)
    assert qwen.computed == 20 and qwen.verdict == "fails"  # two tracker snapshots say 20 元, not 2.4
    assert overall(evaluate(claims["v2-1pct-of-gpt-4"], series)) == "fails"  # 1/207, not 1/100


def test_annual_decline_claims_against_the_gpt_4_class_trend(claims, series, gpt4_class_fit):
    assert gpt4_class_fit["low"] < 10 < gpt4_class_fit["high"]
    (altman,) = evaluate(claims["altman-10x-a-year"], series, gpt4_class_fit)
    assert altman.verdict == "holds" and altman.computed == pytest.approx(gpt4_class_fit["factor"])


def test_every_claim_gets_a_verdict_or_a_baseline_table(claims, series, gpt4_class_fit):
    for cid, claim in claims.items():
        word = overall(evaluate(claim, series, gpt4_class_fit))
        assert word in ("holds", "roughly", "fails", "mixed", "baseline"), (cid, word)
    assert len(claims) >= 20


def test_tolerances():
    assert [judge_relative(v, 1.0) for v in (1.09, 0.75, 1.31)] == ["holds", "roughly", "fails"]
    assert [judge_points(v, -97) for v in (-95, -88, -80)] == ["holds", "roughly", "fails"]
    assert judge_relative(0.03, (0.01, 0.05)) == "holds" and judge_relative(0.06, (0.01, 0.05)) == "roughly"


def test_claims_file_names_unknown_models_and_sources(tmp_path, ds):
    bad = tmp_path / "claims.yaml"
    bad.write_text("claims:\n  - id: x\n    source: nowhere\n    quote: q\n    claim: {zh: a, en: b}\n"
                   "    check: {type: ratio, a: {model: GPT-9}, b: {model: GPT-4o}, date: 2024-05-01, claimed: 1}\n")
    with pytest.raises(DataError) as info:
        load_claims(bad, {"GPT-4o"}, set(ds.sources["id"]))
    text = str(info.value)
    assert "field 'source': value 'nowhere' — expected a source id from sources.yaml" in text
    assert "GPT-9" in text and "expected a model (and tier) in prices.csv" in text


def test_claims_file_is_shipped_in_the_data_folder():
    assert Path(SHIPPED_DATA / "claims.yaml").exists() and Path(SHIPPED_DATA / "classes.yaml").exists()


def test_claim_models_names_subject_baselines_and_candidate_sets():
    from pricewar.claims import claim_models

    ratio = {"check": {"type": "ratio", "a": {"model": "DeepSeek-V2"}, "b": {"model": "GPT-4 Turbo"}}}
    sets = {"check": {"type": "ratio", "a": {"model": "GPT-4o"},
                      "b": [{"label": "x", "models": [{"model": "GLM-4"}, {"model": "moonshot-v1", "tier": "8k"}]}]}}
    assert claim_models(ratio) == {"DeepSeek-V2", "GPT-4 Turbo"}
    assert claim_models(sets) == {"GPT-4o", "GLM-4", "moonshot-v1"}
    assert claim_models({"check": {"type": "annual_decline", "class": "gpt-4-class"}}) == set()
