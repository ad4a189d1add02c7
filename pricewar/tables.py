"""Reading the CSV data files as text, with the editor line of every row.

Every cell is read as a string so validation sees exactly what the file says; types are applied after
validation. A row's line is the line where its record starts, counting line breaks inside quoted
cells, so a message points where an editor shows the row. The parser is pyarrow's (a dependency of
Streamlit): it reads a million rows in well under a second and reports every row with the wrong number
of fields, not just the first.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from pricewar.errors import NO_VALUE, Problem

_BOM = b"\xef\xbb\xbf"


@dataclass
class Table:
    label: str
    frame: pd.DataFrame  # str cells, "" for empty; exactly the known columns, in schema order
    lines: np.ndarray  # 1-based line of each row, aligned with frame
    missing: frozenset[str] = frozenset()  # required columns the header lacks (filled with "")


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
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(label, line, None, NO_VALUE, f"UTF-8 text (byte {raw[exc.start]:#04x} is not)")]

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

    invalid: list[tuple[int, int, int, str]] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        invalid.append((row.number or 0, row.expected_columns, row.actual_columns, row.text))
        return "skip"

    try:
        arrow = pacsv.read_csv(
            io.BytesIO(raw),
            read_options=pacsv.ReadOptions(use_threads=False, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False,
                                              invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(column_types={c: pa.string() for c in header},
                                                 strings_can_be_null=False,
                                                 quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        return None, problems + [Problem(label, None, None, NO_VALUE, f"well-formed CSV ({exc})")]
    if arrow.column_names != header or not all(pa.types.is_string(t) for t in arrow.schema.types):
        return None, problems + [Problem(label, 1, None, NO_VALUE, "a header of plain column names")]
    frame = arrow.to_pandas()

    one_line_records = _physical_lines(raw) == len(frame) + len(invalid) + 1
    lines = _row_lines(raw, frame, invalid, one_line_records)
    for number, expected, actual, _text in invalid:
        line = number if one_line_records else _record_line(raw, number)
        problems.append(Problem(label, line, None, f"{actual} field{'s' if actual != 1 else ''}",
                                f"{expected} fields, as in the header (a stray comma, or a text with a "
                                "comma that needs \"double quotes\"?)"))

    blank = (frame == "").all(axis=1).to_numpy() if len(frame.columns) else np.zeros(len(frame), bool)
    if blank.any():
        frame = frame.loc[~blank].reset_index(drop=True)
        lines = lines[~blank]
    for col in known:
        if col not in frame.columns:
            frame[col] = ""
    missing = frozenset(c for c in required if c not in header)
    return Table(label, frame[list(known)], lines, missing), problems


def _physical_lines(raw: bytes) -> int:
    return raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)


def _row_lines(raw: bytes, frame: pd.DataFrame, invalid: list, one_line_records: bool) -> np.ndarray:
    """The line each parsed row starts on."""
    n = len(frame)
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
