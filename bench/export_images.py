"""Export: images per second with one persistent kaleido browser (system chromium), after start-up.
Prints a table; asserts nothing.

    .venv/bin/python bench/export_images.py [--images 30]
"""

from __future__ import annotations

import argparse
import time
import warnings

import kaleido
import plotly.io as pio

from pricewar import figures, load_dataset
from pricewar.charts import build
from pricewar.load import SHIPPED_DATA
from pricewar.view import Choices


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--images", type=int, default=30)
    args = ap.parse_args()
    ds = load_dataset(SHIPPED_DATA)
    fig = build("prices", ds, Choices.of(ds).default().with_(lang="zh")).figure
    warnings.simplefilter("ignore")
    t0 = time.perf_counter()
    kaleido.start_sync_server(silence_warnings=True)
    first = pio.to_image(fig, format="png", **figures.EXPORT)
    startup = time.perf_counter() - t0
    rows = []
    for fmt, opts in (("png 1600×900", {"format": "png", **figures.EXPORT}),
                      ("png 1080×1080", {"format": "png", "width": 540, "height": 540, "scale": 2}),
                      ("svg", {"format": "svg", "width": 800, "height": 450})):
        t = time.perf_counter()
        for _ in range(args.images):
            pio.to_image(fig, **opts)
        elapsed = time.perf_counter() - t
        rows.append((fmt, args.images, elapsed, args.images / elapsed))
    kaleido.stop_sync_server()
    print(f"start-up and first image: {startup:.2f} s ({len(first):,} bytes)")
    print(f"{'format':>14} {'images':>7} {'seconds':>8} {'per second':>11}")
    for fmt, n, elapsed, rate in rows:
        print(f"{fmt:>14} {n:>7} {elapsed:>8.2f} {rate:>11.1f}")


if __name__ == "__main__":
    main()
