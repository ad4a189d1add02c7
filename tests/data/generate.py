"""A generated data folder the size of a real price tracker's: ~150 models from 15 vendors (some outside
China and the US), prices and events from 2023 into late 2026, free prices, USD and CNY, per-1k and per-1m
units, cache prices, tiers, disputes, classes, claims and a published rate. Valid by construction.

    python tests/data/generate.py OUT_DIR     # or: from generate import tracker_folder
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from itertools import product
from pathlib import Path

COLOURS = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
COUNTRIES = ("CN", "CN", "CN", "CN", "CN", "US", "US", "US", "US", "FR", "GB", "CA", "IL", "KR", "AE")
FIRST, LAST = date(2023, 1, 1), date(2026, 11, 30)


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max((end - start).days, 1)))


def tracker_folder(target: Path, models: int = 150, vendors: int = 15, seed: int = 7) -> Path:
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    styles = list(product(COLOURS, ("solid", "dash", "dot", "dashdot", "longdash"), ("circle", "square", "diamond")))
    rng.shuffle(styles)
    vendor_rows = []
    for i in range(vendors):
        colour, dash, marker = styles[i]
        vendor_rows.append([f"vendor-{i:02d}", f"厂商{i:02d}", f"Vendor {i:02d}", COUNTRIES[i % len(COUNTRIES)], colour,
                            dash, marker])
    with open(target / "vendors.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name_zh", "name_en", "country", "color", "dash", "marker"])
        w.writerows(vendor_rows)

    with open(target / "fx.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["month", "usd_cny", "source"])
        y, m = FIRST.year, FIRST.month
        while (y, m) <= (LAST.year, LAST.month):
            w.writerow([f"{y}-{m:02d}", f"{7.0 + 0.3 * rng.random():.4f}", "gen-fx"])
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    (target / "sources.yaml").write_text(
        "sources:\n"
        "  - id: gen-tracker\n    kind: tracker\n    title: A generated tracker\n"
        "    name: {zh: 生成追踪, en: Generated tracker}\n"
        "    outlet: {zh: 生成的价格追踪, en: a generated tracker}\n    published: 2026-11-30\n"
        "    url: https://example.com/tracker\n"
        "  - id: gen-article\n    kind: article\n    title: 一篇生成的文章\n"
        "    name: {zh: 生成日报, en: The Generated Daily}\n"
        "    outlet: {zh: 生成日报, en: The Generated Daily}\n    published: 2025-01-01\n    url: https://example.com/a\n"
        "  - id: gen-fx\n    kind: dataset\n    title: Generated rates\n    name: {zh: 测试, en: test}\n"
        "    outlet: {zh: 测试, en: test}\n    published: 2026-11-30\n"
        "    note: {zh: 随机生成, en: made up at random}\n",
        encoding="utf-8")

    labels, price_rows, launches = [], [], []
    for i in range(models):
        vendor = vendor_rows[i % vendors]
        vendor_id, country = vendor[0], vendor[3]
        currency = "CNY" if country == "CN" else "USD"
        unit = "per_1k_tokens" if i % 4 == 0 else "per_1m_tokens"
        tier = ("", "", "32k", "128k")[i % 4]
        model = f"Model-{i:03d}"
        labels.append(f"{model} {tier}".strip())
        day = _day(rng, FIRST, date(2026, 9, 30))
        launches.append((day, vendor_id, model))
        price = rng.choice((2.0, 5.0, 10.0, 30.0, 60.0)) * (7 if currency == "CNY" else 1)
        kinds = ("cache_miss", "output", "cache_hit") if i % 5 == 0 else ("input", "output")
        while day <= LAST:
            for kind in kinds:
                factor = {"output": 3, "cache_hit": 0.25}.get(kind, 1)
                value = round(price * factor / (1000 if unit == "per_1k_tokens" else 1), 6)
                dispute = ("", "")
                if rng.random() < 0.03:
                    dispute = ("另一来源为更高价格 [gen-article]", "a higher price in another source [gen-article]")
                price_rows.append([day.isoformat(), "", vendor_id, model, tier, kind, f"{value:g}", currency, unit,
                                   "gen-tracker", f"tracker: {model} {kind} {value:g} {currency}", *dispute, "", ""])
            day += timedelta(days=rng.randrange(60, 400))
            price = 0.0 if rng.random() < 0.05 else round(price * rng.choice((0.5, 0.8, 1.0, 1.2)), 4)
    with open(target / "prices.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "announced", "vendor", "model", "tier", "kind", "price", "currency", "unit", "source",
                    "quote", "dispute_zh", "dispute_en", "note_zh", "note_en"])
        w.writerows(price_rows)

    events = ["events:"]
    for n, (day, vendor_id, model) in enumerate(sorted(launches)[::3]):
        importance = 3 if n % 7 == 0 else 2 if n % 3 == 0 else 1
        events += [f"  - id: launch-{n:03d}", f"    date: {day.isoformat()}", f"    vendor: {vendor_id}",
                   "    type: launch", f"    importance: {importance}", f"    models: [{model}]",
                   f"    title: {{zh: {model} 发布, en: {model} launches}}",
                   f"    short: {{zh: {model} 发布, en: {model} launched}}",
                   f"    summary: {{zh: {vendor_id} 发布 {model}。, en: {vendor_id} launches {model}.}}",
                   "    sources:", "      - id: gen-tracker", f"        quote: tracker lists {model}"]
    events += ["  - id: market-2026", "    date: 2026-11-30", "    type: market", "    importance: 2",
               "    title: {zh: 市场消息, en: Market news}", "    short: {zh: 市场消息, en: Market news}",
               "    summary: {zh: 一条市场消息。, en: A piece of market news.}",
               "    sources:", "      - id: gen-article", "        quote: market news"]
    (target / "events.yaml").write_text("\n".join(events) + "\n", encoding="utf-8")

    chosen = ", ".join(labels[:12])
    (target / "classes.yaml").write_text(
        "classes:\n  - id: frontier\n    name: {zh: 前沿模型, en: Frontier models}\n"
        f"    models: [{chosen}]\n    note: {{zh: 生成的分组, en: a generated grouping}}\n", encoding="utf-8")
    (target / "claims.yaml").write_text(
        "claims:\n  - id: gen-ratio\n    source: gen-article\n    said_by: {zh: 生成日报, en: The Generated Daily}\n"
        "    quote: 便宜一半\n    claim: {zh: Model-001 是 Model-002 的一半, en: Model-001 costs half of Model-002}\n"
        "    check: {type: ratio, a: {model: Model-001}, b: {model: Model-002, tier: 32k}, date: 2026-11-30,"
        " kinds: [input, output], claimed: 1/2}\n"
        "  - id: gen-decline\n    source: gen-article\n    said_by: {zh: 生成日报, en: The Generated Daily}\n"
        "    quote: 每年便宜十倍\n    claim: {zh: 每年便宜 10 倍, en: ten times cheaper a year}\n"
        "    check: {type: annual_decline, class: frontier, claimed: 10}\n", encoding="utf-8")
    (target / "published_rates.yaml").write_text(
        "rates:\n  - id: gen-rate\n    source: gen-article\n    who: {zh: 生成研究所, en: Generated Institute}\n"
        "    factor_low: 3\n    factor_high: 30\n    headline: {zh: 每年 3–30 倍, en: 3× to 30× a year}\n"
        "    method: {zh: 生成的方法, en: a generated method}\n"
        "    differs: {zh: 生成的不同之处, en: a generated difference}\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    print(tracker_folder(Path(sys.argv[1])))
