"""The data's snapshot (pricewar.snapshot): used only when it matches the files' content and the code, the same
data as a full load, written whole or not at all, never inside the data folder."""

from __future__ import annotations

import multiprocessing
import os
import shutil

import pandas as pd
import pytest

from pricewar import charts, load, snapshot
from pricewar.errors import DataError
from pricewar.load import SHIPPED_DATA, fingerprint, load_dataset
from pricewar.view import PAGES, Choices

FRAMES = ("prices", "normalized", "series", "events", "event_sources", "sources", "vendors", "fx")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(snapshot.ENV_VAR, str(folder))
    return folder


def _no_full_load(monkeypatch):
    """From here on, reading the files in full fails the test: the dataset must come from the snapshot."""
    def refuse(*args, **kwargs):
        raise AssertionError("the files were read in full although a matching snapshot exists")

    monkeypatch.setattr(load, "load_dataset", refuse)


def assert_same_dataset(a, b) -> None:
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)
    for name in ("claims", "classes", "rates", "release", "corrections", "files", "problems", "counts"):
        assert getattr(a, name) == getattr(b, name), name


def test_a_snapshot_holds_exactly_what_a_full_load_gives(cache, ds, monkeypatch):
    path, there = snapshot.warm(SHIPPED_DATA)
    assert not there and path is not None and path.parent == cache and path.exists()
    _no_full_load(monkeypatch)
    again = snapshot.load(SHIPPED_DATA)
    assert_same_dataset(again, ds)
    assert again.version == fingerprint(SHIPPED_DATA) and again.data_dir == SHIPPED_DATA
    assert snapshot.warm(SHIPPED_DATA) == (path, True)


def test_every_pages_charts_are_the_same_with_and_without_the_snapshot(cache, ds):
    snapshot.warm(SHIPPED_DATA)
    held = snapshot.load(SHIPPED_DATA)
    assert held is not ds
    view = Choices.of(ds).default()
    names = [name for name, chart in charts.CHARTS.items() if chart.page in PAGES]
    assert {charts.CHARTS[n].page for n in names} >= {"timeline", "prices", "compare", "story", "trend", "model"}
    for lang in ("zh", "en"):
        for name in names:
            a, b = charts.build(name, ds, view.with_(lang=lang)), charts.build(name, held, view.with_(lang=lang))
            assert (a.figure is None) == (b.figure is None), name
            if a.figure is not None:
                assert a.figure.to_json() == b.figure.to_json(), (name, lang)
            pd.testing.assert_frame_equal(a.rows, b.rows, check_exact=True)


def test_the_key_is_the_files_content_not_their_place_or_time(cache, good_copy, tmp_path, monkeypatch):
    snapshot.warm(good_copy)
    copied = tmp_path / "image" / "data"  # a deploy copies the files: new paths, new times
    shutil.copytree(good_copy, copied)
    os.utime(copied / "prices.csv", ns=(1, 1))
    assert snapshot.key(copied) == snapshot.key(good_copy)
    _no_full_load(monkeypatch)
    held = snapshot.load(copied)
    assert held.data_dir == copied and held.version == fingerprint(copied)


@pytest.mark.parametrize("change", ["edit", "new optional file", "removed optional file", "code"])
def test_a_snapshot_is_never_used_when_its_key_differs(cache, good_copy, tmp_path, monkeypatch, change):
    if change == "new optional file":
        (good_copy / "claims.yaml").rename(tmp_path / "claims.yaml")
    snapshot.warm(good_copy)
    before = snapshot.key(good_copy)
    if change == "edit":
        prices = good_copy / "prices.csv"
        prices.write_text(prices.read_text().replace(",DeepSeek-V2,,input,1,", ",DeepSeek-V2,,input,1.5,", 1))
    elif change == "new optional file":
        (tmp_path / "claims.yaml").rename(good_copy / "claims.yaml")
    elif change == "removed optional file":
        (good_copy / "claims.yaml").unlink()
    else:
        monkeypatch.setattr(snapshot, "_CODE", ["another version of the code"])
    assert snapshot.key(good_copy) != before
    assert_same_dataset(snapshot.load(good_copy), load_dataset(good_copy))
    assert len(list(cache.glob("dataset-*.pickle"))) == 2  # the new key has its own snapshot


def test_an_edit_is_seen_on_the_next_load(cache, good_copy):
    snapshot.warm(good_copy)
    vendors = good_copy / "vendors.csv"
    vendors.write_text(vendors.read_text().replace("DeepSeek,", "DeepSeek Edited,", 1))
    assert "DeepSeek Edited" in set(snapshot.load(good_copy).vendors["name_en"])


@pytest.mark.parametrize("damage", ["truncated", "another key inside", "not a snapshot"])
def test_a_damaged_or_foreign_snapshot_is_ignored_and_rebuilt(cache, good_copy, damage):
    path, _ = snapshot.warm(good_copy)
    whole = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(whole[: len(whole) // 2])
    elif damage == "another key inside":
        other = good_copy.parent / "other"
        shutil.copytree(good_copy, other)
        (other / "prices.csv").write_text((other / "prices.csv").read_text() + "\n")
        other_path, _ = snapshot.warm(other)
        path.write_bytes(other_path.read_bytes())
    else:
        path.write_bytes(b"not a pickle at all")
    assert_same_dataset(snapshot.load(good_copy), load_dataset(good_copy))
    assert snapshot.read(path, snapshot.key(good_copy)) is not None  # rebuilt whole


def test_invalid_data_is_never_kept(cache, bad_case):
    folder = bad_case("prices_several_problems")
    with pytest.raises(DataError):
        snapshot.load(folder)
    assert not cache.exists() or not list(cache.glob("dataset-*.pickle"))


def test_a_cache_inside_the_data_folder_or_switched_off_is_not_used(good_copy, monkeypatch):
    before = sorted(p.name for p in good_copy.iterdir())
    monkeypatch.setenv(snapshot.ENV_VAR, str(good_copy / "cache"))
    assert snapshot.warm(good_copy) == (None, False)
    monkeypatch.setenv(snapshot.ENV_VAR, "off")
    assert snapshot.warm(good_copy) == (None, False)
    assert sorted(p.name for p in good_copy.iterdir()) == before  # nothing written to the data folder


def test_a_cache_that_cannot_be_written_only_costs_a_full_load(tmp_path, good_copy, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv(snapshot.ENV_VAR, str(blocked / "cache"))
    assert_same_dataset(snapshot.load(good_copy), load_dataset(good_copy))


def _start(folder: str, cache_dir: str, queue) -> None:
    os.environ[snapshot.ENV_VAR] = cache_dir
    data = snapshot.load(folder)
    queue.put(data.counts["prices"])


def test_two_processes_starting_at_once_both_load_and_leave_one_whole_snapshot(cache, good_copy):
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    procs = [context.Process(target=_start, args=(str(good_copy), str(cache), queue)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [queue.get(timeout=5) for _ in procs] == [14, 14]
    snaps = list(cache.glob("dataset-*.pickle"))
    assert len(snaps) == 1 and not list(cache.glob(".tmp-*"))
    assert_same_dataset(snapshot.read(snaps[0], snapshot.key(good_copy)), load_dataset(good_copy))


def test_old_snapshots_are_removed_beyond_a_few(cache, good_copy):
    prices = good_copy / "prices.csv"
    text = prices.read_text()
    for i in range(snapshot.KEEP + 3):
        prices.write_text(text + "\n" * i)
        snapshot.load(good_copy)
    assert len(list(cache.glob("dataset-*.pickle"))) == snapshot.KEEP
    assert snapshot.path_for(good_copy).exists()  # the newest is kept

