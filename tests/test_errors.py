"""How a problem reads, and how a DataError gathers them."""

from pricewar.errors import NO_VALUE, DataDirError, DataError, Problem


def test_problem_reads_file_line_field_value_expected():
    p = Problem("prices.csv", 12, "price", "-1", "a number ≥ 0")
    assert str(p) == "prices.csv:12: field 'price': value '-1' — expected a number ≥ 0"


def test_problem_without_line_field_or_value():
    assert str(Problem("fx.csv", None, None, NO_VALUE, "the file to exist")) == "fx.csv — expected the file to exist"


def test_missing_and_empty_values_are_spelled_out():
    assert "value (missing)" in str(Problem("e.yaml", 3, "title.en", None, "a text"))
    assert "value (empty)" in str(Problem("p.csv", 3, "quote", "", "a text"))


def test_very_long_values_are_cut():
    text = str(Problem("p.csv", 2, "model", "x" * 500, "a name"))
    assert len(text) < 150 and "…" in text


def test_data_error_sorts_by_file_then_line_and_counts():
    err = DataError([Problem("prices.csv", 9, "a", "1", "x"), Problem("events.yaml", 4, "b", "2", "y"),
                     Problem("prices.csv", 2, "c", "3", "z")])
    assert [(p.file, p.line) for p in err.problems] == [("events.yaml", 4), ("prices.csv", 2), ("prices.csv", 9)]
    assert err.summary() == "3 problems in 2 files"
    assert str(DataError([Problem("fx.csv", 1, None, NO_VALUE, "x")])).endswith("1 problem in 1 file")


def test_data_dir_error_says_what_the_folder_should_hold():
    assert ("prices.csv, sources.yaml, vendors.csv and fx.csv, and perhaps events.yaml, claims.yaml, classes.yaml "
            "and published_rates.yaml") in str(DataDirError("/nope"))


def test_a_large_edit_gets_each_kind_of_problem_once_with_its_count_lines_and_fix():
    from pricewar.errors import DataError, Problem

    fx = "a month with a USD/CNY rate in fx.csv (2023-01 to 2026-06)"
    problems = [Problem("prices.csv", line, "date", "2027-01-05", fx) for line in (371, 2, 40)]
    problems += [Problem("prices.csv", 9, "vendor", "moonshot", "a vendor id from vendors.csv: 'deepseek', …"),
                 Problem("prices.csv", 12, "vendor", "moonshot", "a vendor id from vendors.csv: 'deepseek', …"),
                 Problem("events.yaml", 5, "title", None, "a mapping with 'zh' and 'en' texts")]
    assert DataError(problems).grouped() == [
        "prices.csv: 3 rows: field 'date' — expected " + fx + "; first at line 2, last at 371 — fix: extend fx.csv "
        "with a row (month, usd_cny, source) for each month these prices need",
        "prices.csv: 2 rows: field 'vendor' — expected a vendor id from vendors.csv: 'deepseek', …; first at line 9, "
        "last at 12 — fix: add a row for the vendor to vendors.csv (id, names in both languages, country, colour, "
        "marker), or correct the id",
    ]  # a problem of its own kind is in the list above the summary, not repeated
