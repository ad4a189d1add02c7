"""The data the dashboard ships validates, and the check really looked at every row."""

import csv

import pytest

from pricewar import load_dataset, schema
from pricewar.load import SHIPPED_DATA


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(SHIPPED_DATA)


def test_shipped_data_validates_and_every_row_was_checked(shipped):
    with open(SHIPPED_DATA / "prices.csv", newline="", encoding="utf-8") as f:
        rows_in_file = sum(1 for _ in csv.DictReader(f))
    print(f"checked {shipped.summary()}")
    assert rows_in_file > 0 and len(shipped.prices) == rows_in_file
    assert len(shipped.events) > 0 and len(shipped.sources) > 0


def test_every_vendor_has_a_distinct_style(shipped):
    v = shipped.vendors
    assert set(shipped.prices["vendor"]) <= set(v["id"]) and set(v["country"]) <= schema.COUNTRIES
    assert not v[["color", "dash", "marker"]].duplicated().any()
    assert set(v["color"]) <= set(schema.OKABE_ITO)


def test_every_price_and_event_cites_a_defined_source(shipped):
    ids = set(shipped.sources["id"])
    cited = {s.strip() for cell in shipped.prices["source"] for s in cell.split(";")}
    assert cited <= ids
    assert set(shipped.event_sources["source"]) <= ids
    assert (shipped.prices["quote"].str.strip() != "").all()


def test_the_five_articles_are_sources_with_their_seed_files(shipped):
    seeds = shipped.sources.loc[shipped.sources["seed"] != "", "seed"]
    assert len(seeds) == 5 and seeds.is_unique


def test_the_first_shot_is_deepseek_v2_at_one_and_two_yuan(shipped):
    s = shipped.series
    v2 = s[(s["model"] == "DeepSeek-V2") & s["series"].isin(["input", "output"])]
    assert v2.set_index("series")["cny_per_1m"].to_dict() == {"input": 1.0, "output": 2.0}
    assert (v2["date"] == "2024-05-06").all()
