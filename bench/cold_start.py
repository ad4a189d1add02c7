"""Cold start: launching `streamlit run` → first chart visible in headless chromium, for the dashboard against a
bare one-chart plotly page (the floor) and a bare st.write page; alternating runs, median. Prints tables;
asserts nothing.

The dashboard is started three ways:
- **make run**: `pricewar warm` ran before (as `make run` does), so the data's snapshot and the first charts
  are in the cache folder;
- **baked deploy**: the data copied into a new folder (new paths, new times) and `pricewar warm` run there,
  into a cache folder of its own, as an image build would; the server then starts from that copy;
- **no snapshot**: `PRICEWAR_CACHE=off`, the first start ever (the server reads, checks and normalizes the
  files while the reader waits).

A second table: the first reader arrives once the server has been up 8 s (the usual case after a deploy).

    .venv/bin/python bench/cold_start.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from server import CHROMIUM, CHROMIUM_ARGS, StreamlitServer  # noqa: E402

CHART = ".js-plotly-plot .main-svg"
FLOOR = "floor: one plotly chart"


def once(browser, script: str, path: str, selector: str, arrive_after: float = 0.0, env: dict | None = None) -> float:
    """Seconds from launching the server (or, with ``arrive_after``, from the first reader's navigation,
    that many seconds after the server answered) to the first chart."""
    t0 = time.perf_counter()
    with StreamlitServer(script=script, extra_env=env) as url:
        if arrive_after:
            time.sleep(arrive_after)
            t0 = time.perf_counter()
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + path)
        page.wait_for_selector(selector, timeout=60_000)
        elapsed = time.perf_counter() - t0
        context.close()
    return elapsed


def warm(env: dict) -> None:
    subprocess.run([sys.executable, "-m", "pricewar.cli", "warm"], cwd=ROOT, env={**os.environ, **env}, check=True,
                   stdout=subprocess.DEVNULL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="pricewar-cold-") as tmp:
        made = {"PRICEWAR_CACHE": str(Path(tmp) / "cache")}
        image = Path(tmp) / "image"
        shutil.copytree(ROOT / "data", image / "data")
        baked = {"PRICEWAR_DATA": str(image / "data"), "PRICEWAR_CACHE": str(image / "cache")}
        warm(made)
        warm(baked)
        apps = {"pricewar, make run": ("serve.py", "/prices", CHART, made),
                "pricewar, baked deploy": ("serve.py", "/prices", CHART, baked),
                "pricewar, no snapshot": ("serve.py", "/prices", CHART, {"PRICEWAR_CACHE": "off"}),
                FLOOR: ("bench/floor_chart.py", "/", CHART, {}),
                "bare st.write": ("bench/floor_write.py", "/", "text=floor", {})}
        later_apps = ("pricewar, make run", "pricewar, baked deploy", FLOOR)
        times: dict[str, list[float]] = {name: [] for name in apps}
        later: dict[str, list[float]] = {name: [] for name in later_apps}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(args.runs):  # alternate so drift hits every app alike
                for name, (script, path, selector, env) in apps.items():
                    times[name].append(once(browser, script, path, selector, env=env))
                    if name in later:
                        later[name].append(once(browser, script, path, selector, arrive_after=8.0, env=env))
            browser.close()
    floor = statistics.median(times[FLOOR])
    write = statistics.median(times["bare st.write"])
    print("Launch → first chart (the reader arrives as the server starts)")
    print(f"{'app':>26} {'median s':>9} {'vs chart floor':>15} {'vs st.write':>12}   runs")
    for name, values in times.items():
        m = statistics.median(values)
        print(f"{name:>26} {m:>9.2f} {m / floor:>14.2f}× {m / write:>11.2f}×   "
              + " ".join(f"{v:.2f}" for v in values))
    print("target: ≤ 1.1× the chart floor (make run, baked deploy)")
    floor = statistics.median(later[FLOOR])
    print("\nThe first reader arrives 8 s after the server started: navigation → first chart")
    print(f"{'app':>26} {'median s':>9} {'vs chart floor':>15}   runs")
    for name, values in later.items():
        m = statistics.median(values)
        print(f"{name:>26} {m:>9.2f} {m / floor:>14.2f}×   " + " ".join(f"{v:.2f}" for v in values))


if __name__ == "__main__":
    main()
