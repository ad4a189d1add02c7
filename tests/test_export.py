"""`pricewar export`: a static gallery a newsroom can upload as it is."""

import os
import struct

import pandas as pd
import pytest

from pricewar import load_dataset
from pricewar.cli import main
from pricewar.export import ExportError, export
from pricewar.select import prices_in_view
from pricewar.story import steps
from pricewar.view import Choices

from conftest import GOOD


@pytest.fixture(scope="module")
def good():
    return load_dataset(GOOD)


def View(data=None, **changes):  # noqa: N802 - reads like the view it makes
    """The default view of the good fixture (its whole range), with ``changes``."""
    return Choices.of(data if data is not None else load_dataset(GOOD)).default().with_(**changes)


def test_every_chart_gets_html_and_csv_and_a_gallery(good, tmp_path):
    files = export(good, tmp_path, [View(lang="zh"), View(lang="en")], images=False)
    names = {f.name for f in files}
    for lang in ("zh", "en"):
        for chart in ("timeline", "prices", "ranking", "before-after", "trend", "story-01"):
            assert {f"{chart}-{lang}.html", f"{chart}-{lang}.csv"} <= names
        assert f"ratios-{lang}.csv" in names and f"ratios-{lang}.html" not in names  # a table: its CSV
    assert {"index.html", "plotly.min.js"} <= names
    assert all(f.stat().st_size > 0 for f in files)
    page = (tmp_path / "prices-en.html").read_text()
    assert "DeepSeek-V2" in page and "The cheapest input price" in page  # the figure's data and title
    assert '<script charset="utf-8" src="plotly.min.js">' in page
    assert "src=\"http" not in page and "cdn.plot.ly" not in page  # works offline
    index = (tmp_path / "index.html").read_text()
    assert "&lt;iframe src=&quot;prices-en.html&quot;" in index and "<img" not in index


def test_csv_holds_exactly_the_rows_behind_the_chart(good, tmp_path):
    view = View(lang="en", vendors=("alibaba", "baidu"))
    export(good, tmp_path, [view], images=False)
    csv = pd.read_csv(tmp_path / "prices-en.csv")
    expected = prices_in_view(good.normalized, view)
    assert len(csv) == len(expected) and set(csv["vendor"]) == {"alibaba", "baidu"}
    assert {"source", "quote", "dispute_zh", "dispute_en", "note_zh", "note_en"} <= set(csv.columns)


def test_same_data_and_options_give_identical_files(good, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    export(good, a, [View(lang="en")], images=False)
    export(good, b, [View(lang="en")], images=False)
    for f in a.iterdir():
        assert f.read_bytes() == (b / f.name).read_bytes(), f.name


def test_an_empty_selection_is_a_clear_error(good, tmp_path, capsys):
    with pytest.raises(ExportError, match="the filters select no price"):
        export(good, tmp_path, [View(vendors=("google",))], images=False)
    assert main(["export", "--out", str(tmp_path / "x"), "--data", str(GOOD), "--vendor", "google",
                 "--no-images"]) == 1
    assert "the filters select no price" in capsys.readouterr().err


def test_unwritable_folder_and_bad_options(good, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ExportError, match="not writable"):
        export(good, blocker / "out", [View()], images=False)
    assert main(["export", "--out", str(tmp_path / "y"), "--data", str(GOOD), "--from", "2024-02-30"]) == 2


def test_an_interrupted_export_leaves_no_file_that_looks_complete(good, tmp_path, monkeypatch):
    real, calls = os.replace, []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 6:
            raise KeyboardInterrupt  # the reader pressed Ctrl-C mid-export
        real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(KeyboardInterrupt):
        export(good, tmp_path, [View(lang="en")], images=False)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert not [n for n in left if ".part" in n]  # no half-written file
    assert len(left) == 5 and "index.html" not in left
    for name in left:
        if name.endswith(".html"):
            assert (tmp_path / name).read_text().rstrip().endswith("</html>")


@pytest.mark.browser
def test_images_are_1600_by_900_1080_square_and_svg(good, tmp_path):
    export(good, tmp_path, [View(lang="zh")], images=True)
    for name, size in (("prices-zh.png", (1600, 900)), ("prices-zh-square.png", (1080, 1080)),
                       ("story-01-zh.png", (1600, 900))):
        data = (tmp_path / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == size, name
    assert (tmp_path / "prices-zh.svg").read_text().startswith("<svg")
    assert '<img src="prices-zh.png"' in (tmp_path / "index.html").read_text()


def test_missing_chromium_is_a_clear_error_with_an_exit_code(good, tmp_path, monkeypatch, capsys):
    import kaleido

    def no_browser(*args, **kwargs):
        raise RuntimeError("Could not find Chrome")

    monkeypatch.setattr(kaleido, "start_sync_server", no_browser)
    assert main(["export", "--out", str(tmp_path), "--data", str(GOOD), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "images need Chromium (Debian: apt-get install chromium): Could not find Chrome" in err
    assert not list(tmp_path.glob("*.png")) and not (tmp_path / "index.html").exists()


def test_the_shipped_data_exports_every_chart_and_story_step(ds, tmp_path):
    # one language (the other is exported by the tests of a dated comparison and of images; make test's budget)
    files = export(ds, tmp_path, [View(ds, lang="zh")], images=False)
    story_pages = sorted(f.name for f in files if f.name.startswith("story-") and f.name.endswith("-zh.html"))
    n = len(steps(ds.events))
    assert n >= 30 and len(story_pages) == n and story_pages[0] == "story-01-zh.html"
    page = (tmp_path / f"story-{n}-zh.html").read_text()
    assert f"第 {n}/{n} 步" in page and "src=\"http" not in page
    # plotly.js, index, and 5 charts and the story's steps × (HTML, CSV) and the ratio table's CSV
    assert len(files) == 2 + (5 + n) * 2 + 1


def test_a_dated_comparison_exports_as_on_its_page_with_the_datas_version(ds, tmp_path):
    # the ratio table of 2024-05-06 against GPT-4 8k, from the command line: the CSV says what it is
    code = main(["export", "--out", str(tmp_path), "--lang", "en", "--no-images", "--at", "2024-05-06",
                 "--ref", "GPT-4 8k", "--currency", "USD"])
    assert code == 0
    ratios = pd.read_csv(tmp_path / "ratios-en.csv").set_index("model")
    assert ratios.loc["DeepSeek-V2", "ratio"] == "1/217"
    assert ratios.loc["DeepSeek-V2", "sentence"] == (
        "DeepSeek-V2 costs 1/217 of GPT-4 8k's price (converted at 2024-05's average of 7.2327 元 per US$)")
    row = ratios.loc["DeepSeek-V2"]
    assert (row["date"], row["kind"], row["currency"], row["reference"]) == ("2024-05-06", "input", "USD", "GPT-4 8k")
    assert (row["data_version"], row["data_as_of"]) == (ds.release.version, ds.release.as_of.isoformat())
    index = (tmp_path / "index.html").read_text()
    assert f"pricewar data {ds.release.version}, as of {ds.release.as_of}" in index
