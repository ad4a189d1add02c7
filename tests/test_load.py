"""Loading: typed frames, the default folder and PRICEWAR_DATA, and nothing written to the data folder."""

import pandas as pd
import pytest

from pricewar import load_dataset
from pricewar.errors import DataDirError
from pricewar.load import SHIPPED_DATA, default_data_dir, fingerprint

from conftest import GOOD


def test_frames_are_typed_and_carry_lines():
    ds = load_dataset(GOOD)
    assert pd.api.types.is_datetime64_any_dtype(ds.prices["date"])
    assert pd.api.types.is_float_dtype(ds.prices["price"])
    assert ds.prices.loc[ds.prices["model"] == "hunyuan-standard", "line"].tolist() == [16]
    assert ds.events["id"].tolist() == ["v2-launch", "market-news"]
    assert ds.events.loc[1, "vendor"] == "" and ds.events.loc[1, "effective"] == pd.Timestamp("2024-05-23")
    assert ds.event_sources.columns.tolist() == ["event", "source", "quote"]
    assert set(ds.sources["id"]) == {"article-a", "tracker-b", "fx-test"}
    assert ds.fx["usd_cny"].tolist() == [7.2, 7.25, 7.3, 7.1]


def test_default_folder_is_shipped_data_unless_env_says(monkeypatch, tmp_path):
    monkeypatch.delenv("PRICEWAR_DATA", raising=False)
    assert default_data_dir() == SHIPPED_DATA
    monkeypatch.setenv("PRICEWAR_DATA", str(tmp_path))
    assert default_data_dir() == tmp_path


def test_missing_folder_raises_typed_error(tmp_path):
    with pytest.raises(DataDirError):
        load_dataset(tmp_path / "absent")


def test_loading_writes_nothing(good_copy):
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in good_copy.iterdir()}
    load_dataset(good_copy)
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in good_copy.iterdir()} == before


def test_fingerprint_changes_when_a_file_changes(good_copy):
    before = fingerprint(good_copy)
    with open(good_copy / "prices.csv", "a") as f:
        f.write("\n")
    assert fingerprint(good_copy) != before


@pytest.mark.parametrize("name", ["events.yaml", "claims.yaml", "classes.yaml", "published_rates.yaml"])
def test_one_fingerprint_covers_every_file_the_folder_may_hold(good_copy, name):
    before = fingerprint(good_copy)
    (good_copy / name).unlink()
    after = fingerprint(good_copy)
    assert after != before
    (good_copy / name).write_text("")
    assert fingerprint(good_copy) not in (before, after)
    assert load_dataset(good_copy).version == fingerprint(good_copy)


def test_the_dataset_holds_every_file_and_its_derived_tables():
    ds = load_dataset(GOOD)
    assert [c.id for c in ds.claims] == ["v2-fifth-of-gpt-4o", "qwen-long-cut", "ten-times-a-year"]
    assert [c.id for c in ds.classes] == ["flagships", "all"] and ds.rates[0].who["zh"] == "测试机构"
    assert set(ds.series["series"]) == {"input", "output", "cache_hit", "blended"}
    assert len(ds.normalized) == len(ds.prices)
    assert ds.model_labels == {"DeepSeek-V2", "Qwen-Long", "ERNIE Speed 8k", "GPT-4o", "hunyuan-standard 256k"}
    assert (str(ds.first.date()), str(ds.last.date())) == ("2024-04-20", "2024-07-15")
    assert ds.sources.loc[0, "outlet_zh"] == "测试日报" and ds.sources.loc[0, "outlet_en"] == "Test Daily"


def test_credit_names_and_event_labels_load_in_both_languages():
    """A source's ``name`` (its credit line) and an event's ``short`` (its label on the timeline) are two
    columns each, like every bilingual text; the single-language field itself is not a column."""
    ds = load_dataset(GOOD)
    names = ds.sources.set_index("id")
    assert names.loc["tracker-b", ["name_zh", "name_en"]].tolist() == ["tracker (GitHub)", "tracker (GitHub)"]
    assert names.loc["article-a", ["name_zh", "name_en"]].tolist() == ["测试日报", "Test Daily"]
    shorts = ds.events.set_index("id")
    assert shorts.loc["v2-launch", ["short_zh", "short_en"]].tolist() == ["DeepSeek-V2 输入 1 元",
                                                                          "DeepSeek-V2 at ¥1/M input"]
    assert "name" not in ds.sources.columns and "short" not in ds.events.columns


def test_first_and_last_days_count_events_too(good_copy):
    text = (good_copy / "events.yaml").read_text().replace("effective: 2024-05-23", "effective: 2024-08-01")
    (good_copy / "events.yaml").write_text(text)
    assert str(load_dataset(good_copy).last.date()) == "2024-08-01"
