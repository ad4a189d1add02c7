"""Property: whatever a hand edit does to a data file, loading either succeeds or raises DataError whose
every problem names its file (and a line, whenever the file could be parsed at all). Nothing else escapes.

`make test` runs a few hundred cases; PRICEWAR_FUZZ_EXAMPLES raises the count for a long run.
"""

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pricewar import DataError, load_dataset, schema

from conftest import GOOD

EXAMPLES = int(os.environ.get("PRICEWAR_FUZZ_EXAMPLES", "60"))
# make test explores the same cases every run (a red CI is then reproducible); make fuzz explores anew
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="PRICEWAR_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

nasty_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", ",", '"', '""', "\n", "\r\n", "-1", "1e999", "nan", "NaN", "2024-02-30", "0x10",
                     "per_1k_tokens", "CNY", "input", "deepseek", "article-a;", ";", "[article-a]", "\ufeff",
                     "\u202e", "<script>alert(1)</script>", "- a\n- b", "{a: 1", "!!python/name:os.system",
                     "&anchor", "*alias", "\x00"]),
)


def fresh(tmp_path: Path) -> Path:
    target = tmp_path / "fuzz"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(GOOD, target)
    return target


def assert_only_data_error(folder: Path):
    """Loading raises DataError (a required file is broken) or gives a dataset without the optional files
    that are broken, each kept with its problems; every problem names its file."""
    try:
        data = load_dataset(folder)
    except DataError as exc:
        problems = exc.problems
        assert problems
        data = None
    else:
        problems = [p for ps in data.problems.values() for p in ps]
        assert all(data.missing(name) == "invalid" for name in data.problems)
    for p in problems:
        assert p.file in schema.FILES.values()
        assert p.expected
        assert str(p).startswith(p.file)
    return data


@FUZZ
@given(row=st.integers(0, 16), col=st.integers(0, 12), value=nasty_text)
def test_any_cell_edit_in_prices_csv(tmp_path, row, col, value):
    folder = fresh(tmp_path)
    import csv
    import io

    path = folder / "prices.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(), newline="")))
    row = min(row, len(rows) - 1)
    rows[row][col] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue())
    assert_only_data_error(folder)


@FUZZ
@given(cut=st.integers(0, 2000), length=st.integers(0, 40), insert=nasty_text,
       file=st.sampled_from(list(schema.FILES.values())))
def test_any_text_splice_in_any_file(tmp_path, cut, length, insert, file):
    folder = fresh(tmp_path)
    path = folder / file
    text = path.read_text()
    cut = min(cut, len(text))
    path.write_text(text[:cut] + insert + text[cut + length:])
    assert_only_data_error(folder)


@FUZZ
@given(data=st.binary(max_size=200), file=st.sampled_from(["prices.csv", "events.yaml", "claims.yaml"]))
def test_arbitrary_bytes(tmp_path, data, file):
    folder = fresh(tmp_path)
    (folder / file).write_bytes(data)
    if file == "prices.csv":  # a required file: nothing can be shown without it
        with pytest.raises(DataError):
            load_dataset(folder)
    else:  # an optional file: left out, with its problems, or empty
        loaded = assert_only_data_error(folder)
        name = next(k for k, v in schema.FILES.items() if v == file)
        assert loaded is not None and loaded.missing(name) in ("invalid", "empty")
