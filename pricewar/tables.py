"""Reading the CSV data files as text, with the editor line of every row.

Every cell is read as a string so validation sees exactly what the file says; types are applied after
validation. A row's line is the line where its record starts, counting line breaks inside quoted
cells, so a message points where an editor shows the row. The parser is pyarrow's (a dependency of
Streamlit): it reads a million rows in well under a second on two threads and reports every row with
the wrong number of fields, not just the first.

Cells are read dictionary-encoded: data columns repeat a few values (dates, vendors, source lists)
across many rows, so each column arrives as a code per row and its distinct values, which is what the
checks (one check per distinct value) and the sort want. The text frame is decoded only when asked for.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from pricewar.errors import NO_VALUE, Problem

_BOM = b"\xef\xbb\xbf"


TEXT = pa.dictionary(pa.int32(), pa.string())


@dataclass
class Table:
    label: str
    arrow: pa.Table  # every known column, in schema order, dictionary-encoded text ("" for empty), one chunk
    lines: np.ndarray  # 1-based line of each row, aligned with the rows
    missing: frozenset[str] = frozenset()  # required columns the header lacks (filled with "")
    _frame: pd.DataFrame | None = field(default=None, repr=False)
    _codes: dict = field(default_factory=dict, repr=False)

    @property
    def frame(self) -> pd.DataFrame:
        """The cells as text columns, decoded on first use."""
        if self._frame is None:
            self._frame = decode(self.arrow)
        return self._frame

    def factorized(self, column: str) -> tuple[np.ndarray, pd.Series]:
        """(the code of each row's value, the distinct values) of a column, as ``pd.factorize`` gives."""
        if column not in self._codes:
            self._codes[column] = codes_of(self.arrow[column])
        return self._codes[column]


def codes_of(column: pa.ChunkedArray) -> tuple[np.ndarray, pd.Series]:
    if column.num_chunks == 0:
        return np.zeros(0, np.int32), pd.Series([], dtype="str")
    chunk = column.chunk(0)
    return chunk.indices.to_numpy(zero_copy_only=False), pd.Series(chunk.dictionary.to_pandas(), dtype="str")


def decode(arrow: pa.Table) -> pd.DataFrame:
    """Dictionary-encoded text columns → a frame of ``str`` columns. Decoded straight to ``large_string``,
    the layout pandas keeps its text in: from ``string`` pandas would convert every column again (5×
    slower on a million rows)."""
    return pa.table({c: arrow[c].cast(pa.large_string()) for c in arrow.column_names}).to_pandas()


def _empty_column(rows: int) -> pa.ChunkedArray:
    return pa.chunked_array([pa.DictionaryArray.from_arrays(pa.array(np.zeros(rows, np.int32)), pa.array([""]))])


def read_table(path: Path, label: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
               ) -> tuple[Table | None, list[Problem]]:
    """Read ``path``; returns the table (``None`` if it cannot be read at all) and the problems found.

    Checks: the file exists and is UTF-8 text, the header names each known column once and every
    required one, and every row has as many fields as the header.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(label, None, None, NO_VALUE, "the file to exist")]
    except OSError as exc:
        return None, [Problem(label, None, None, NO_VALUE, f"a readable file ({exc.strerror})")]
    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]

    head = csv.reader(io.StringIO(raw[:1 << 16].decode("utf-8", errors="ignore"), newline=""))
    header = next(head, [])
    if not any(h.strip() for h in header):
        return None, [Problem(label, 1, None, NO_VALUE,
                              "a header line naming the columns: " + ", ".join(required))]
    if head.line_num > 1:
        return None, [Problem(label, 1, None, NO_VALUE, "the header on one line (a column name holds a line break)")]
    problems = [Problem(label, 1, name, NO_VALUE, "each column once")
                for i, name in enumerate(header) if name in header[:i]]
    known = (*required, *optional)
    problems += [Problem(label, 1, col, NO_VALUE, "a column named '" + col + "' in the header")
                 for col in required if col not in header]
    problems += [Problem(label, 1, col, NO_VALUE, "only known columns (" + ", ".join(known) + ")")
                 for col in header if col not in known]
    if any(p.expected == "each column once" for p in problems):
        return None, problems

    try:
        arrow, invalid = _parse(raw, header, threads=True)
        if any(number is None for number, *_ in invalid):  # rows are numbered only when read in one thread
            arrow, invalid = _parse(raw, header, threads=False)
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        if "UTF8" in str(exc):
            return None, problems + [_not_utf8(raw, label)]
        return None, problems + [Problem(label, None, None, NO_VALUE, f"well-formed CSV ({exc})")]
    try:
        names = arrow.column_names
    except UnicodeDecodeError:  # a header that is not UTF-8 (the cells are checked by the parser)
        return None, problems + [_not_utf8(raw, label)]
    if names != header:
        return None, problems + [Problem(label, 1, None, NO_VALUE, "a header of plain column names")]
    arrow = arrow.unify_dictionaries().combine_chunks()
    rows = arrow.num_rows

    one_line_records = _physical_lines(raw) == rows + len(invalid) + 1
    lines = _row_lines(raw, arrow, invalid, one_line_records)
    for number, expected, actual, _text in invalid:
        line = number if one_line_records else _record_line(raw, number)
        problems.append(Problem(label, line, None, f"{actual} field{'s' if actual != 1 else ''}",
                                f"{expected} fields, as in the header (a stray comma, or a text with a "
                                "comma that needs \"double quotes\"?)"))

    blank = _blank_rows(arrow)
    if blank.any():
        arrow = arrow.filter(pa.array(~blank))
        lines = lines[~blank]
    columns = {c: arrow[c] if c in arrow.column_names else _empty_column(arrow.num_rows) for c in known}
    missing = frozenset(c for c in required if c not in header)
    return Table(label, pa.table(columns), lines, missing), problems


def _parse(raw: bytes, header: list[str], *, threads: bool) -> tuple[pa.Table, list]:
    invalid: list[tuple[int | None, int, int, str]] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        invalid.append((row.number, row.expected_columns, row.actual_columns, row.text))
        return "skip"

    arrow = pacsv.read_csv(
        io.BytesIO(raw),
        read_options=pacsv.ReadOptions(use_threads=threads, block_size=1 << 24),
        # a line break can only be inside a value if some value is quoted; not looking for them is faster
        parse_options=pacsv.ParseOptions(newlines_in_values=b'"' in raw, ignore_empty_lines=False,
                                          invalid_row_handler=on_invalid),
        convert_options=pacsv.ConvertOptions(column_types={c: TEXT for c in header}, strings_can_be_null=False,
                                             quoted_strings_can_be_null=False),
    )
    return arrow, invalid


def _not_utf8(raw: bytes, label: str) -> Problem:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(label, line, None, NO_VALUE, f"UTF-8 text (byte {raw[exc.start]:#04x} is not)")
    return Problem(label, None, None, NO_VALUE, "UTF-8 text")


def _blank_rows(arrow: pa.Table) -> np.ndarray:
    """Rows whose every cell is empty (a blank line, or only commas), found from the codes."""
    blank = np.ones(arrow.num_rows, bool)
    for name in arrow.column_names:
        codes, uniques = codes_of(arrow[name])
        empty = np.flatnonzero((uniques == "").to_numpy())
        if not len(empty):
            return np.zeros(arrow.num_rows, bool)
        blank &= codes == empty[0]
        if not blank.any():
            break
    return blank


def _physical_lines(raw: bytes) -> int:
    return raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)


def _row_lines(raw: bytes, arrow: pa.Table, invalid: list, one_line_records: bool) -> np.ndarray:
    """The line each parsed row starts on."""
    n = arrow.num_rows
    skipped = np.array(sorted(i[0] for i in invalid), dtype=np.int64)
    # Record numbers (header = 1) of the rows that were kept, in order.
    records = np.arange(2, n + len(skipped) + 2)
    if len(skipped):
        records = records[~np.isin(records, skipped)]
    if one_line_records:  # no line breaks inside cells: record k is on line k
        return records
    # Some cells span lines: count the breaks of every record, kept or skipped, in file order.
    breaks = np.zeros(n + len(skipped) + 2, dtype=np.int64)
    kept_breaks = np.zeros(n, dtype=np.int64)
    frame = decode(arrow)
    for col in frame.columns:
        kept_breaks += frame[col].str.count("\n").to_numpy(dtype=np.int64)
    breaks[records] = kept_breaks
    for number, _, _, text in invalid:
        breaks[number] = text.count("\n")
    starts = 1 + np.concatenate([[0], np.cumsum(breaks[1:] + 1)])  # starts[k] = line of record k
    return starts[records - 1]


def _record_line(raw: bytes, number: int) -> int:
    """Line of record ``number`` in a file with multi-line cells (rare, and only for a malformed row)."""
    reader = csv.reader(io.StringIO(raw.decode("utf-8"), newline=""))
    start, record = 1, 0
    for _ in reader:
        record += 1
        if record == number:
            return start
        start = reader.line_num + 1
    return number
