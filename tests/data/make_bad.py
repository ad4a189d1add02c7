"""Regenerate tests/data/bad/: one folder per failure, each holding one broken copy of a good/ file.

    python tests/data/make_bad.py

Each case changes one thing in the good file (asserted, so an edit to good/ that breaks a case fails
loudly). The tests overlay a case's file on a copy of good/ and check the exact problem reported.
"""

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
good = HERE / "good"
P = (good / "prices.csv").read_text().split("\n")  # P[i] is line i + 1; line 1 is the header
E = (good / "events.yaml").read_text()
S = (good / "sources.yaml").read_text()
V = (good / "vendors.csv").read_text()
F = (good / "fx.csv").read_text()
C = (good / "claims.yaml").read_text()
K = (good / "classes.yaml").read_text()
R = (good / "published_rates.yaml").read_text()
X = (good / "corrections.yaml").read_text()


def write(name: str, file: str, text: str | bytes) -> None:
    d = HERE / "bad" / name
    d.mkdir(parents=True, exist_ok=True)
    (d / file).write_bytes(text if isinstance(text, bytes) else text.encode())


def sub(src: str, old: str, new: str, count: int = 1) -> str:
    assert old in src, old
    return src.replace(old, new, count)


def prices(name: str, edits: dict[int, tuple[str, str]]) -> None:
    lines = list(P)
    for lineno, (old, new, *count) in edits.items():
        lines[lineno - 1] = sub(lines[lineno - 1], old, new, *count)
    write(name, "prices.csv", "\n".join(lines))


shutil.rmtree(HERE / "bad", ignore_errors=True)
prices("prices_impossible_date", {3: ("2024-05-06", "2024-02-30")})
prices("prices_date_format", {2: ("2024-05-06", "2024/05/06")})
prices("prices_negative_price", {7: (",0.004,", ",-0.004,")})
prices("prices_price_with_unit", {10: (",5,USD", ",5美元,USD")})
prices("prices_unknown_vendor", {4: ("alibaba", "aliyun")})
prices("prices_unknown_kind", {11: ("output", "completion")})
prices("prices_unknown_currency", {2: ("CNY", "RMB")})
prices("prices_unknown_unit", {4: ("per_1k_tokens", "per_1k")})
prices("prices_unknown_source", {5: ("article-a", "article-z")})
prices("prices_empty_quote", {9: (",全面免费,", ",,")})
prices("prices_duplicate_key", {14: ("2024-07-15", "2024-07-01")})
prices("prices_input_and_cache_miss", {12: ("2024-07-01", "2024-05-13")})
prices("prices_dispute_without_source", {6: ("3 yuan in another source [article-a]", "3 yuan in another source")})
prices("prices_dispute_unknown_source", {6: ("[article-a]", "[article-q]", -1)})
prices("prices_dispute_sources_differ", {6: ("another source [article-a]", "another source [tracker-b]")})
prices("prices_note_in_one_language", {16: (",推算,derived", ",,derived")})
prices("prices_outside_fx", {16: ("2024-06-10", "2024-03-10")})


def conditions(name: str, cells: dict[int, str]) -> None:
    """prices.csv with the condition columns: the given lines get the given cells (band_from, band_to,
    period, hours, tz, days, ends, then, confirmed), the others none."""
    lines = [P[0] + ",band_from,band_to,period,hours,tz,days,ends,then,confirmed"]
    lines += [line + "," + cells.get(i, ",,,,,,,,") if line else line for i, line in enumerate(P[1:], start=2)]
    write(name, "prices.csv", "\n".join(lines))


conditions("prices_band_reversed", {2: "32,8,,,,,,,"})
conditions("prices_band_not_whole", {2: "0.5,,,,,,,,"})
conditions("prices_band_to_alone", {2: ",32,,,,,,,"})
conditions("prices_period_unknown", {2: ",,night,00:30-08:30,UTC+8,,,,"})
conditions("prices_period_without_hours", {2: ",,off_peak,,UTC+8,,,,"})
conditions("prices_hours_malformed", {2: ",,peak,8:30 to 24:00,UTC+8,,,,"})
conditions("prices_tz_malformed", {2: ",,peak,08:30-24:00,Beijing,,,,"})
conditions("prices_days_unknown", {2: ",,peak,08:30-24:00,UTC+8,weekends,,,"})
conditions("prices_hours_without_period", {2: ",,,08:30-24:00,UTC+8,,,,"})
conditions("prices_ends_before_date", {2: ",,,,,,2024-05-01,,"})
conditions("prices_then_without_ends", {2: ",,,,,,,2,"})
conditions("prices_confirmed_before_date", {2: ",,,,,,,,2024-05-01"})
prices("prices_announced_after", {5: ("2024-05-20", "2024-05-30")})
prices("prices_wrong_field_count", {7: (",0.004元/千tokens", ",0.004元,千tokens")})
prices("prices_missing_column", {1: ("quote,", "quot,")})
prices("prices_several_problems", {2: ("2024-05-06", "2024-05-32"), 3: (",2,CNY", ",two,CNY"),
                                   16: ("tencent", "tencnet")})
write("prices_not_utf8", "prices.csv",
      (good / "prices.csv").read_bytes().replace("全面免费".encode(), "全面免费".encode("gbk"), 1))

write("events_malformed_yaml", "events.yaml", sub(E, "    type: market\n", "    type: [market\n"))
write("events_impossible_date", "events.yaml", sub(E, "date: 2024-05-22", "date: 2024-05-32"))
write("events_effective_before_date", "events.yaml", sub(E, "effective: 2024-05-23", "effective: 2024-05-01"))
write("events_missing_en_title", "events.yaml", sub(E, "      en: Nvidia results\n", ""))
write("events_unknown_vendor", "events.yaml", sub(E, "vendor: deepseek", "vendor: deepmind"))
write("events_unknown_type", "events.yaml", sub(E, "type: launch", "type: release"))
write("events_unknown_source", "events.yaml",
      sub(E, "      - id: article-a\n        quote: 英伟达", "      - id: article-x\n        quote: 英伟达"))
write("events_duplicate_key", "events.yaml", sub(E, "    importance: 3\n", "    importance: 3\n    importance: 2\n"))
write("events_bad_importance", "events.yaml", sub(E, "importance: 1", "importance: high"))
write("events_unsafe_tag", "events.yaml",
      sub(E, "    importance: 1\n", "    importance: !!python/object/apply:os.system [echo pwned]\n"))
write("events_duplicate_id", "events.yaml", sub(E, "id: market-news", "id: v2-launch"))
write("events_short_too_long", "events.yaml",
      sub(E, "short: {zh: DeepSeek-V2 输入 1 元, en: DeepSeek-V2 at ¥1/M input}",
          "short: {zh: DeepSeek-V2 发布，每百万 tokens 输入 1 元, en: DeepSeek-V2 launches at 1 yuan input}"))

write("sources_javascript_url", "sources.yaml", sub(S, "url: https://example.com/a", "url: javascript:alert(1)"))
write("sources_duplicate_id", "sources.yaml", sub(S, "id: tracker-b", "id: article-a"))
write("sources_missing_title", "sources.yaml", sub(S, "    title: Test tracker B\n", ""))
write("sources_missing_name", "sources.yaml", sub(S, "    name: {zh: tracker (GitHub), en: tracker (GitHub)}\n", ""))

write("vendors_colour_not_in_palette", "vendors.csv", sub(V, "CN,#0072B2,solid", "CN,#FF0000,solid"))
write("vendors_same_style", "vendors.csv",
      sub(V, "MiniMax,CN,#CC79A7,dot,star-square", "MiniMax,CN,#CC79A7,solid,star"))
write("vendors_missing_name_zh", "vendors.csv", sub(V, "zhipu,智谱,", "zhipu,,"))
write("vendors_country_not_iso", "vendors.csv", sub(V, "openai,OpenAI,OpenAI,US,", "openai,OpenAI,OpenAI,USA,"))

write("events_dispute_in_one_language", "events.yaml",
      sub(E, "dispute: {zh: '另一个数字 [tracker-b]', en: 'a different figure [tracker-b]'}",
          "dispute: a different figure [tracker-b]"))
write("sources_outlet_in_one_language", "sources.yaml", sub(S, "outlet: {zh: 测试日报, en: Test Daily}",
                                                            "outlet: {en: Test Daily}"))

write("claims_unknown_model", "claims.yaml", sub(C, "b: {model: GPT-4o}", "b: {model: GPT-9}"))
write("claims_bad_claimed", "claims.yaml", sub(C, "claimed: 1/36", "claimed: 1/zero"))
write("claims_unknown_class", "claims.yaml", sub(C, "class: flagships", "class: frontier"))
write("claims_change_without_dates", "claims.yaml", sub(C, "from: 2024-05-01, to: 2024-05-21, ", ""))
write("claims_unknown_bound", "claims.yaml", sub(C, "claimed: -97.5}", "claimed: -97.5, bound: over}"))
write("claims_not_checkable_without_reason", "claims.yaml",
      sub(C, "check: {type: annual_decline, class: flagships, claimed: 10}", "check: {type: not_checkable}"))
write("classes_without_models", "classes.yaml", sub(K, "    models: [DeepSeek-V2, GPT-4o]\n", ""))
write("classes_unknown_model", "classes.yaml", sub(K, "models: [DeepSeek-V2, GPT-4o]", "models: [DeepSeek-V2, GPT-5]"))
write("rates_low_above_high", "published_rates.yaml", sub(R, "factor_low: 9", "factor_low: 9000"))
write("corrections_bad_as_of", "corrections.yaml", sub(X, "as_of: 2024-06-30", "as_of: June 2024"))
write("corrections_unknown_source", "corrections.yaml", sub(X, "sources: [article-a]", "sources: [article-z]"))
write("rates_high_not_a_number", "published_rates.yaml", sub(R, "factor_high: 900", "factor_high: lots"))
write("rates_missing_method", "published_rates.yaml", sub(R, "    method: {zh: 测试方法, en: a test method}\n", ""))

write("fx_bad_month", "fx.csv", sub(F, "2024-06,", "2024-13,"))
write("fx_zero_rate", "fx.csv", sub(F, "7.1,", "0,"))
