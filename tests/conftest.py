"""Shared fixtures: the good fixture dataset, bad cases overlaid on it, and the browser set-up."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
GOOD = DATA / "good"
BAD = DATA / "bad"
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(DATA))  # generate.py: a tracker-sized data folder

from pricewar import figures  # noqa: E402

# Snapshots of loaded data (pricewar.snapshot) go to a folder of this run's own, never the user's cache; the
# servers the browser tests start inherit it. tests/test_snapshot.py sets its own folder per test.
os.environ["PRICEWAR_CACHE"] = tempfile.mkdtemp(prefix="pricewar-test-cache-")

figures.STRICT = True  # in the tests plotly checks every property the builders set (the app skips that)


@pytest.fixture(scope="session")
def ds():
    """The shipped dataset, loaded once for the whole run (tests must not modify it)."""
    from pricewar import load_dataset
    from pricewar.load import SHIPPED_DATA

    return load_dataset(SHIPPED_DATA)


@pytest.fixture(scope="session")
def series(ds):
    """The shipped dataset's step series (with blends)."""
    return ds.series


@pytest.fixture(scope="session")
def view(ds):
    """The shipped data's default view (the whole war, every vendor): ``view.with_(...)`` for others."""
    from pricewar.view import Choices

    return Choices.of(ds).default()


def war_view(**changes):
    """A fixed view for tests about what a chart shows: 2024-01-01 to 2025-03-31, prices compared on
    2024-06-01 and over May 2024 (the month of the first cuts)."""
    from datetime import date

    from pricewar.view import View

    fixed = {"start": date(2024, 1, 1), "end": date(2025, 3, 31), "at": date(2024, 6, 1),
             "before": date(2024, 5, 1), "after": date(2024, 6, 1)}
    return View(**{**fixed, **changes})


@pytest.fixture
def good_copy(tmp_path: Path) -> Path:
    """A writable copy of tests/data/good."""
    target = tmp_path / "data"
    shutil.copytree(GOOD, target)
    return target


@pytest.fixture
def bad_case(tmp_path: Path):
    """``bad_case("prices_negative_price")`` → a data folder: good/ with that case's file(s) on top."""

    def make(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(GOOD, target)
        files = list((BAD / name).iterdir())
        assert files, f"no files in tests/data/bad/{name}"
        for f in files:
            shutil.copy(f, target / f.name)
        return target

    return make


# --- browser ------------------------------------------------------------------------------------------
def _browser_missing() -> str | None:
    from server import CHROMIUM

    missing = []
    if not Path(CHROMIUM).exists():
        missing.append("chromium")
    if not list(Path("/usr/share/fonts/opentype/noto").glob("NotoSansCJK*")):
        missing.append("fonts-noto-cjk")
    if missing:
        return (
            f"browser tests skipped: {' and '.join(missing)} not installed "
            f"(install with: sudo apt-get install {' '.join(missing)}; `make test` does it as root)"
        )
    return None


def pytest_collection_modifyitems(config, items):
    reason = _browser_missing()
    if reason is None:
        return
    if os.environ.get("PRICEWAR_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(reason.replace("skipped", "cannot run") + " — and they are required here")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def app_url():
    """One dashboard server on the shipped data for every browser test that needs no other data (a server
    start is several seconds; the sessions of different tests do not share anything)."""
    from server import ServerFailed, StreamlitServer

    server = StreamlitServer()
    try:
        url = server.__enter__()
    except ServerFailed as exc:  # the failure shows what the server printed
        pytest.fail(str(exc), pytrace=False)
    yield url
    server.__exit__(None, None, None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    from server import CHROMIUM, CHROMIUM_ARGS

    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say in every run how much of the shipped data was checked."""
    from pricewar import DataError, load_dataset
    from pricewar.load import SHIPPED_DATA

    try:
        summary = "checked " + load_dataset(SHIPPED_DATA).summary()
    except DataError as exc:
        summary = f"INVALID — {exc.summary()}"
    terminalreporter.write_line(f"shipped data ({SHIPPED_DATA.name}/): {summary}")


def model_lines(fig):
    """Every model's line in a price chart, one per model: a highlighted model's own trace, and each model of
    the grey context trace (one trace of segments, ``meta.lines`` naming them) as a trace-like object with
    ``name``, ``x``, ``y``, ``meta`` and ``line``. Works on a ``go.Figure`` (objects) and on its JSON
    (dicts), as AppTest gives it."""
    from types import SimpleNamespace

    as_dict = isinstance(fig, dict)
    out = []
    for t in (fig["data"] if as_dict else fig.data):
        meta = (t.get("meta") if as_dict else t.meta) or {}
        if meta.get("model"):
            out.append(t)
        elif meta.get("role") == "context":
            xs, ys = (t["x"], t["y"]) if as_dict else (t.x, t.y)
            line = t["line"] if as_dict else {"color": t.line.color, "shape": t.line.shape, "dash": t.line.dash,
                                              "width": t.line.width}
            segments, x, y = [], [], []
            for a, b in zip(xs, ys, strict=True):
                if a is None:
                    segments.append((x, y))
                    x, y = [], []
                else:
                    x.append(a)
                    y.append(b)
            for each, (x, y) in zip(meta["lines"], segments, strict=True):
                m = {k: v for k, v in each.items() if k != "name"}
                if as_dict:
                    out.append({"type": "scatter", "name": each["name"], "x": x, "y": y, "meta": m, "line": line})
                else:
                    out.append(SimpleNamespace(type="scatter", name=each["name"], x=tuple(x), y=tuple(y), meta=m,
                                               line=SimpleNamespace(**line), marker=SimpleNamespace(symbol=None)))
    return out
