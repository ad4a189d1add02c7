"""Many readers at once: N simultaneous browser sessions each changing a filter K times.

Prints p50/p95 of the time from a click on a filter to the redrawn chart (its header naming the new
price kind), for 1 session and for N sessions, on the shipped data. A measurement, not a test.

    .venv/bin/python bench/readers.py [--sessions 20] [--changes 8]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from playwright.async_api import async_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from server import CHROMIUM, CHROMIUM_ARGS, StreamlitServer  # noqa: E402

KINDS = [("Output", "; Output;"), ("Blended (3 input : 1 output)", "; Blended (3 input : 1 output);"),
         ("Cached input", "; Cached input;"), ("Input", "; Input;")]


async def reader(browser, url: str, changes: int, times: list[float]) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.goto(url + "/prices?lang=en")
    await page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    sidebar = page.get_by_test_id("stSidebar")
    for i in range(changes):
        label, marker = KINDS[i % len(KINDS)]
        start = time.perf_counter()
        await sidebar.get_by_text(label, exact=True).click()
        await page.locator(".js-plotly-plot .annotation-text").filter(has_text=marker).first.wait_for(timeout=60_000)
        times.append(time.perf_counter() - start)
    await context.close()


async def round_of(browser, url: str, sessions: int, changes: int) -> list[float]:
    times: list[float] = []
    await asyncio.gather(*(reader(browser, url, changes, times) for _ in range(sessions)))
    return times


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


async def main(sessions: int, changes: int) -> None:
    with StreamlitServer() as url:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            await round_of(browser, url, 1, 2)  # warm the caches and the browser
            rows = []
            for n in (1, sessions):
                times = await round_of(browser, url, n, changes)
                rows.append((n, len(times), statistics.median(times), pct(times, 95)))
            await browser.close()
    print(f"{'sessions':>8} {'changes':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for n, count, p50, p95 in rows:
        print(f"{n:>8} {count:>8} {p50 * 1000:>8.0f} {p95 * 1000:>8.0f}")
    print(f"p50 ratio {rows[1][2] / rows[0][2]:.1f}×, p95 ratio {rows[1][3] / rows[0][3]:.1f}× "
          f"({sessions} sessions vs 1; server and browsers share this machine's cores)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--changes", type=int, default=8)
    args = ap.parse_args()
    asyncio.run(main(args.sessions, args.changes))
