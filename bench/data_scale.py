"""Data scale: load + validate + normalize of synthetic prices.csv files (10k, 100k, 1M rows) against
pandas.read_csv of the same file (the floor), each in a fresh process; the same load from the data's
snapshot (pricewar.snapshot: the files hashed, the dataset read back); peak memory of both; bytes of
figure JSON per chart at each size. Prints a table; asserts nothing.

    .venv/bin/python bench/data_scale.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
VENDORS = ["deepseek", "zhipu", "bytedance", "alibaba", "baidu", "tencent", "openai", "anthropic", "google"]


def generate(rows: int, folder: Path, churn: bool = False) -> Path:
    """A valid data folder whose prices.csv has ``rows`` rows: a tracker of many models' prices, one row per
    model and price kind per day, 2023–2025. Prices change on a few days per model (cuts, a promotion, a
    restore) unless ``churn``, where every row is a new price (the worst case: every row a change point)."""
    shutil.copytree(ROOT / "data", folder)
    rng = np.random.default_rng(0)
    days = pd.date_range("2023-01-01", "2025-12-31", freq="D")
    per_model = min(max(rows // 8, 1), len(days))
    models = -(-rows // per_model)
    frames = []
    for m in range(models):
        kind = "input" if m % 2 == 0 else "output"
        dates = days[np.sort(rng.choice(len(days), size=per_model, replace=False))]
        n = len(dates)
        if churn:
            prices = np.round(np.exp(rng.normal(0, 2, n)), 4)
        else:  # a handful of price levels, each held for a run of days
            cuts = np.sort(rng.choice(n, size=min(5, n - 1), replace=False)) if n > 1 else np.array([], int)
            level = np.cumsum(np.isin(np.arange(n), cuts))
            prices = np.round(np.exp(rng.normal(0, 2)) * 0.6 ** level, 4)
        frames.append(pd.DataFrame({
            "date": dates.strftime("%Y-%m-%d"), "announced": "", "vendor": VENDORS[m % len(VENDORS)],
            "model": f"model-{m // 2}", "tier": "", "kind": kind, "price": prices,
            "currency": np.where(m % 3 == 0, "USD", "CNY"), "unit": "per_1m_tokens",
            "source": "kazike-2024-05-22;aikeji-2024-05-25", "quote": "每百万Token价格：输入1元，输出2元",
            "dispute_zh": "", "dispute_en": "", "note_zh": "", "note_en": ""}))
    pd.concat(frames).head(rows).to_csv(folder / "prices.csv", index=False)
    return folder / "prices.csv"


PROBE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
mode, path = sys.argv[1], sys.argv[2]
if mode == "floor":
    import pandas as pd
    t = time.perf_counter(); pd.read_csv(path + "/prices.csv"); total = time.perf_counter() - t
    out = {"seconds": total}
elif mode == "snapshot":
    import pricewar.load  # noqa: F401 - imported before the clock starts, as for "ours"
    from pricewar import snapshot
    t = time.perf_counter(); snapshot.load(path); total = time.perf_counter() - t
    out = {"seconds": total}
else:
    from pricewar import load_dataset
    from pricewar.charts import build
    from pricewar.normalize import normalize, series_table
    from pricewar.view import Choices
    t = time.perf_counter(); ds = load_dataset(path); t2 = time.perf_counter()  # read, check, normalize
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t3 = time.perf_counter(); series_table(normalize(ds.prices, ds.fx), ds.fx)  # its normalizing part, again
    normalizing = time.perf_counter() - t3
    v = Choices.of(ds).default().with_(vendors=("deepseek",))
    fig = build("prices", ds, v).figure
    out = {"seconds": t2 - t, "load": t2 - t - normalizing, "normalize": normalizing,
           "figure_json": len(fig.to_json()), "steps": len(ds.series), "peak_mb": peak}
if "peak_mb" not in out:
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def run(mode: str, folder: Path, cache: Path | None = None) -> dict:
    env = {**os.environ, "PRICEWAR_CACHE": str(cache) if cache is not None else "off"}
    res = subprocess.run([sys.executable, "-c", PROBE, mode, str(folder)], capture_output=True, text=True, cwd=ROOT,
                         env=env)
    if res.returncode:
        raise SystemExit(res.stderr)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--no-churn", action="store_true", help="skip the worst case (every row a new price)")
    args = ap.parse_args()
    print(f"{'rows':>9} {'prices':>8} {'floor s':>8} {'ours s':>7} {'ratio':>6} {'load s':>7} {'norm s':>7} "
          f"{'snap s':>7} {'ratio':>6} {'floor MB':>9} {'ours MB':>8} {'steps':>8} {'fig JSON':>10}")
    cases = [(rows, False) for rows in args.sizes]
    if not args.no_churn:
        cases.append((max(args.sizes), True))
    for rows, churn in cases:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "data"
            generate(rows, folder, churn)
            floor = min((run("floor", folder) for _ in range(3)), key=lambda r: r["seconds"])
            ours = min((run("ours", folder) for _ in range(3)), key=lambda r: r["seconds"])
            ratio = ours["seconds"] / floor["seconds"]
            cache = Path(tmp) / "cache"
            run("snapshot", folder, cache)  # the first load writes the snapshot
            snap = min((run("snapshot", folder, cache) for _ in range(3)), key=lambda r: r["seconds"])
            print(f"{rows:>9,} {'churn' if churn else 'tracker':>8} {floor['seconds']:>8.2f} {ours['seconds']:>7.2f} "
                  f"{ratio:>5.1f}× {ours['load']:>7.2f} {ours['normalize']:>7.2f} {snap['seconds']:>7.2f} "
                  f"{snap['seconds'] / floor['seconds']:>5.1f}× {floor['peak_mb']:>9.0f} "
                  f"{ours['peak_mb']:>8.0f} {ours['steps']:>8,} {ours['figure_json']:>10,}")
    print("tracker: daily rows whose price changes on a few days per model; churn: every row a new price. "
          "snap: the same load from the data's snapshot (the files hashed, the dataset read back). "
          "fig JSON: the price chart of one vendor, which plots only change points.")


if __name__ == "__main__":
    main()
