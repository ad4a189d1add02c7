"""Typed records of the YAML files: bilingual texts, model references, baselines, checks."""

from pricewar.records import NO_TEXT, Baseline, Check, ModelRef, Text, model_label


def test_a_text_reads_in_each_language_and_is_false_when_empty():
    text = Text("降价", "a cut")
    assert (text["zh"], text["en"]) == ("降价", "a cut") and text and not NO_TEXT


def test_models_are_named_with_their_tier():
    assert model_label("Doubao-pro", "32k") == "Doubao-pro 32k" and model_label("DeepSeek-V2", "") == "DeepSeek-V2"
    assert ModelRef("ERNIE Speed", "8k").label == "ERNIE Speed 8k"


def test_a_baseline_is_named_by_its_label_or_its_models():
    pair = (ModelRef("GLM-4"), ModelRef("Qwen-Max"))
    assert Baseline(pair).name("en") == "GLM-4 + Qwen-Max"
    assert Baseline(pair, Text("旗舰", "flagships")).name("zh") == "旗舰"


def test_a_check_with_several_candidates_states_no_baseline():
    one = Baseline((ModelRef("GPT-4o"),))
    assert Check("ratio", b=(one,)).stated
    assert not Check("ratio", b=(one, Baseline((ModelRef("GPT-4 Turbo"),)))).stated
    assert not Check("change", a=(ModelRef("a"), ModelRef("b"))).stated
