"""Cold start: launching `streamlit run` → first chart visible in headless chromium, for the dashboard
(serve.py, and app.py without its start-up warm-up) against a bare one-chart plotly page (the floor) and
a bare st.write page; alternating runs, median. A second table: the first reader arrives once the server
has been up a while (the usual case after a deploy). Prints tables; asserts nothing.

    .venv/bin/python bench/cold_start.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from server import CHROMIUM, CHROMIUM_ARGS, StreamlitServer  # noqa: E402

APPS = {"pricewar (prices page)": ("serve.py", "/prices", ".js-plotly-plot .main-svg"),
        "  without the warm-up": ("app.py", "/prices", ".js-plotly-plot .main-svg"),
        "floor: one plotly chart": ("bench/floor_chart.py", "/", ".js-plotly-plot .main-svg"),
        "bare st.write": ("bench/floor_write.py", "/", "text=floor")}


def once(browser, script: str, path: str, selector: str, arrive_after: float = 0.0) -> float:
    """Seconds from launching the server (or, with ``arrive_after``, from the first reader's navigation,
    that many seconds after the server answered) to the first chart."""
    t0 = time.perf_counter()
    with StreamlitServer(script=script) as url:
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    times: dict[str, list[float]] = {name: [] for name in APPS}
    later: dict[str, list[float]] = {name: [] for name in APPS if name != "bare st.write"}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.runs):  # alternate so drift hits every app alike
            for name, (script, path, selector) in APPS.items():
                times[name].append(once(browser, script, path, selector))
                if name in later:
                    later[name].append(once(browser, script, path, selector, arrive_after=8.0))
        browser.close()
    floor = statistics.median(times["floor: one plotly chart"])
    write = statistics.median(times["bare st.write"])
    print(f"{'app':>24} {'median s':>9} {'vs chart floor':>15} {'vs st.write':>12}")
    for name, values in times.items():
        m = statistics.median(values)
        print(f"{name:>24} {m:>9.2f} {m / floor:>14.2f}× {m / write:>11.2f}×")
    floor = statistics.median(later["floor: one plotly chart"])
    print("\nThe first reader arrives 8 s after the server started: navigation → first chart")
    print(f"{'app':>24} {'median s':>9} {'vs chart floor':>15}")
    for name, values in later.items():
        m = statistics.median(values)
        print(f"{name:>24} {m:>9.2f} {m / floor:>14.2f}×")


if __name__ == "__main__":
    main()
