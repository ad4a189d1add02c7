"""Rerun: a filter change → the rerun's script finished, measured on the server side with AppTest (no
browser), for the dashboard's pages against the bare one-chart plotly page. Median of N changes.
Prints a table; asserts nothing. (The browser's redraw is in readers.py.)

    .venv/bin/python bench/rerun.py [--changes 20]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time

from streamlit.testing.v1 import AppTest

logging.disable(logging.WARNING)


def timed(at: AppTest, change) -> float:
    t = time.perf_counter()
    change(at)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=20)
    args = ap.parse_args()
    kinds = ["output", "blended", "input"]
    rows = []
    floor = AppTest.from_file("floor_chart.py", default_timeout=60).run()
    floor_t = [timed(floor, lambda at, i=i: at.radio[0].set_value("ab"[i % 2]).run()) for i in range(args.changes)]
    rows.append(("floor: one plotly chart", statistics.median(floor_t)))
    for page in ("timeline", "prices", "compare", "story", "claims", "trend", "data"):
        at = AppTest.from_file("../app.py", default_timeout=60)
        at.switch_page(f"app_pages/{page}.py")
        at.run()
        if page in ("timeline", "claims"):
            def change(a, i):
                return a.sidebar.multiselect[0].set_value(["deepseek"] if i % 2 else []).run()
        else:
            def change(a, i):
                return a.sidebar.radio[0].set_value(kinds[i % 3]).run()
        rows.append((page, statistics.median(timed(at, lambda a, i=i: change(a, i)) for i in range(args.changes))))
    base = rows[0][1]
    print(f"{'page':>24} {'median ms':>10} {'vs floor':>9}")
    for name, seconds in rows:
        print(f"{name:>24} {seconds * 1000:>10.0f} {seconds / base:>8.1f}×")


if __name__ == "__main__":
    main()
