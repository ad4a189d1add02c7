"""`pricewar validate`: what it prints and its exit codes (0 valid, 1 invalid, 2 usage)."""

import subprocess
import sys
from pathlib import Path

import pytest

from pricewar.cli import main

from conftest import GOOD


def test_valid_folder_prints_what_it_checked(capsys):
    assert main(["validate", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert out == (f"{GOOD}: valid — checked 14 prices (5 models, 5 vendors), 2 events, 3 sources, "
                   "13 vendors, 4 FX months, 2 disputed facts, 3 claims, 2 classes, 1 published rates, 1 corrections, "
                   "release 2024.6.1 as of 2024-06-30\n")


def test_invalid_folder_prints_every_problem_with_its_path(bad_case, capsys):
    folder = bad_case("prices_several_problems")
    assert main(["validate", str(folder)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 3
    assert lines[0] == (f"{folder / 'prices.csv'}:2: field 'date': value '2024-05-32' — "
                        "expected a real date as YYYY-MM-DD")
    assert captured.err == f"{folder}: invalid — 3 problems in 1 file\n"


def test_missing_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope")]) == 2
    assert "no such data folder" in capsys.readouterr().err


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


def test_environment_variable_points_at_another_folder(monkeypatch, capsys):
    monkeypatch.setenv("PRICEWAR_DATA", str(GOOD))
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith(f"{GOOD}: valid")


def test_installed_console_script(bad_case):
    script = Path(sys.executable).parent / "pricewar"
    ok = subprocess.run([str(script), "validate", str(GOOD)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run([str(script), "validate", str(bad_case("prices_negative_price"))],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "prices.csv:7: field 'price': value '-0.004'" in bad.stdout


def test_claims_file_is_validated_too(good_copy, capsys):
    (good_copy / "claims.yaml").write_text(
        "claims:\n  - id: x\n    source: article-a\n    quote: q\n    claim: {zh: a, en: b}\n"
        "    check: {type: ratio, a: {model: GPT-9}, b: {model: GPT-4o}, date: 2024-05-20, claimed: 1}\n")
    assert main(["validate", str(good_copy)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{good_copy / 'claims.yaml'}:2: claim 'x': field 'said_by': value (missing) — expected a mapping with "
        "'zh' and 'en' texts, like {zh: 中文, en: English}",
        f"{good_copy / 'claims.yaml'}:6: claim 'x' (starts line 2): field 'check.a': value 'GPT-9' — expected a "
        "model (and tier) in prices.csv"]
    assert captured.err == f"{good_copy}: invalid — 2 problems in 1 file\n"


def test_a_folder_with_only_the_required_files_is_valid(good_copy, capsys):
    for name in ("events.yaml", "claims.yaml", "classes.yaml", "published_rates.yaml"):
        (good_copy / name).unlink()
    assert main(["validate", str(good_copy)]) == 0
    assert "0 events" in capsys.readouterr().out


def test_a_large_edit_ends_with_each_kind_of_problem_once_and_how_to_fix_it(good_copy, capsys):
    rows = "".join(f"2024-{m:02d}-01,,nosuchvendor,kimi-{m},,input,1,CNY,per_1m_tokens,article-a,一元,,,,\n"
                   for m in (1, 2, 3))  # a vendor vendors.csv lacks, in months before fx.csv's first
    with (good_copy / "prices.csv").open("a", encoding="utf-8") as f:
        f.write(rows)
    assert main(["validate", str(good_copy)]) == 1
    out = capsys.readouterr().out
    listed, _, kinds = out.partition("\nBy kind:\n")
    assert len(listed.splitlines()) == 6  # every problem line, as before
    lines = kinds.splitlines()
    assert len(lines) == 2 and all(" 3 rows: " in line and "first at line 17, last at 19" in line for line in lines)
    assert "fix: extend fx.csv with a row (month, usd_cny, source)" in kinds
    assert "fix: add a row for the vendor to vendors.csv" in kinds


def test_warm_writes_the_snapshot_once_and_then_says_it_is_up_to_date(good_copy, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRICEWAR_CACHE", str(tmp_path / "cache"))
    assert main(["warm", str(good_copy)]) == 0
    first = capsys.readouterr().out
    assert first.startswith(f"{good_copy}: snapshot written in ") and first.rstrip().endswith(".pickle")
    path = first.rstrip().rsplit(": ", 1)[1]
    assert Path(path).parent == tmp_path / "cache" and Path(path).exists()
    assert main(["warm", str(good_copy)]) == 0
    assert capsys.readouterr().out == f"{good_copy}: snapshot up to date: {path}\n"
    monkeypatch.setenv("PRICEWAR_CACHE", "off")
    assert main(["warm", str(good_copy)]) == 0
    assert capsys.readouterr().out == (f"{good_copy}: valid; no snapshot kept (the cache is off or cannot be "
                                       "written: $PRICEWAR_CACHE)\n")


def test_warm_on_invalid_data_keeps_nothing_and_says_how_to_see_the_problems(bad_case, tmp_path, monkeypatch,
                                                                             capsys):
    monkeypatch.setenv("PRICEWAR_CACHE", str(tmp_path / "cache"))
    folder = bad_case("prices_several_problems")
    assert main(["warm", str(folder)]) == 1
    assert capsys.readouterr().err == (f"{folder}: invalid — 3 problems in 1 file (run: pricewar validate "
                                       f"{folder})\n")
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())
