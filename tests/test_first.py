"""The first chart after a start (ui.first): drawn from the snapshot before the libraries are loaded, only for
a page's default view, and followed by exactly the page a warm server draws."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

import ui.first
from pricewar import snapshot
from pricewar.load import SHIPPED_DATA, load_dataset
from pricewar.pages import FIRST_CHARTS
from ui.data import _last_good, _loaded

from conftest import ROOT


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory):
    folder = tmp_path_factory.mktemp("first-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(snapshot.ENV_VAR, str(folder))
        snapshot.warm(SHIPPED_DATA)
    return folder


@pytest.fixture
def cold(monkeypatch, warm_cache):
    """A process that has not loaded the charts yet, with the shipped data's snapshot and first charts kept;
    ``drawn`` lists the (page, lang, size) of each chart drawn first."""
    monkeypatch.setenv(snapshot.ENV_VAR, str(warm_cache))
    monkeypatch.delenv("PRICEWAR_DATA", raising=False)
    monkeypatch.delenv("PRICEWAR_PUBLIC_URL", raising=False)
    drawn = []
    real = snapshot.first_chart

    def spy(data_dir, page, lang, size, base):
        kept = real(data_dir, page, lang, size, base)
        if kept is not None:
            drawn.append((page, lang, size))
        return kept

    monkeypatch.setattr(snapshot, "first_chart", spy)
    _loaded.clear()
    _last_good.clear()
    return drawn


def _open(page: str, params: dict, cold: bool, monkeypatch) -> AppTest:
    monkeypatch.setattr(ui.first, "_cold", lambda: cold)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    if page != "timeline":
        at.switch_page(f"app_pages/{page}.py")
    return at.run()


def _page(at: AppTest) -> list:
    """What a reader sees in the main area: each element's type and its text or chart."""
    out = []
    for element in at.main:
        kind = type(element).__name__
        if getattr(element, "type", "") == "plotly_chart":
            out.append((kind, json.loads(element.proto.spec), json.loads(element.proto.config)))
        else:
            out.append((kind, getattr(element, "value", None) if kind != "Selectbox" else element.options))
    return out


@pytest.mark.parametrize(("page", "params"), [("timeline", {}), ("prices", {"lang": "en"})])
def test_a_cold_start_draws_the_chart_first_and_then_the_very_page_a_warm_server_draws(cold, monkeypatch, page,
                                                                                       params):
    first = _open(page, params, True, monkeypatch)
    assert cold == [(page, params.get("lang", "zh"), "page")]
    assert not first.exception and len(first.title) == 1
    warm = _open(page, params, False, monkeypatch)
    assert len(cold) == 1  # a warm process draws no chart first
    assert _page(first) == _page(warm)
    assert [kind for kind, *_ in _page(first)].count("UnknownElement") == 1  # the one chart, compared above
    assert [getattr(w, "label", None) for w in first.sidebar] == [getattr(w, "label", None) for w in warm.sidebar]


@pytest.mark.parametrize("params", [{"vendor": "deepseek"}, {"lang": "fr"}, {"lang": ["en", "zh"]}])
def test_a_view_of_its_own_is_never_drawn_from_the_snapshot(cold, monkeypatch, params):
    at = _open("prices", params, True, monkeypatch)
    assert cold == [] and not at.exception and len(at.title) == 1


def test_no_first_chart_without_the_snapshot_of_these_very_files(cold, monkeypatch, good_copy):
    monkeypatch.setenv("PRICEWAR_DATA", str(good_copy))
    at = _open("prices", {}, True, monkeypatch)
    assert cold == [] and not at.exception and len(at.title) == 1 and len(at.get("plotly_chart")) == 1


def test_the_first_charts_are_the_charts_the_pages_build(warm_cache, ds, monkeypatch):
    from pricewar import charts
    from pricewar.view import Choices, parse_view

    monkeypatch.setenv(snapshot.ENV_VAR, str(warm_cache))
    choices = Choices.of(ds)
    for page, name in FIRST_CHARTS.items():
        for lang in ("zh", "en"):
            view, _ = parse_view({"lang": [lang]}, choices)
            for size in snapshot.FIRST_SIZES:
                figure, config = snapshot.first_chart(SHIPPED_DATA, page, lang, size, "")
                built = charts.build(name, load_dataset(SHIPPED_DATA), view, size)
                assert figure == json.loads(built.figure.to_json()), (page, lang, size)
                assert config == charts.plot_config(name, view, size, built.figure)
    assert snapshot.first_chart(SHIPPED_DATA, "prices", "en", "page", "https://elsewhere.example") is None



def test_every_page_drawn_first_has_its_introduction():
    assert set(ui.first.INTROS) == set(FIRST_CHARTS)
