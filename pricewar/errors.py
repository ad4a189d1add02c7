"""Typed errors of the data layer.

The core raises :class:`DataError` holding every :class:`Problem` it found; only the edges (the CLI and
the pages) turn it into a message for people.
"""

from __future__ import annotations

from dataclasses import dataclass

from pricewar.i18n import count_problems

_MAX_VALUE_CHARS = 80


def show_value(value: object) -> str:
    """A value as a problem message quotes it: repr-like, one line, cut when very long."""
    if value is None:
        return "(missing)"
    text = str(value)
    if text == "":
        return "(empty)"
    if len(text) > _MAX_VALUE_CHARS:
        text = text[: _MAX_VALUE_CHARS - 1] + "…"
    return repr(text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one data file.

    ``line`` is 1-based, as an editor shows it: the line of the offending field where it is known (in a
    CSV file, the row's line; in YAML, the line of the field's key), else the line where the record starts.
    ``record`` names a YAML record and where it starts, e.g. ``event 'qwen-long-cut' (starts line 63)``.
    ``field`` is ``None`` when the problem is with the whole file or record.
    """

    file: str
    line: int | None
    field: str | None
    value: object
    expected: str
    record: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.record:
            parts.append(self.record)
        if self.field is not None:
            parts.append(f"field '{self.field}'")
        if self.value is not NO_VALUE:
            parts.append(f"value {show_value(self.value)}")
        return ": ".join(parts) + f" — expected {self.expected}"


class _NoValue:
    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<no value>"


NO_VALUE = _NoValue()
"""Marks a problem that has no single value to quote (e.g. a missing file or column)."""


class DataError(Exception):
    """The data files are invalid. ``problems`` lists every problem found, in file and line order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        super().__init__(self.summary())

    @property
    def file_count(self) -> int:
        return len({p.file for p in self.problems})

    def summary(self, lang: str = "en") -> str:
        """"3 problems in 2 files", or in Chinese with ``lang="zh"``."""
        return count_problems(len(self.problems), self.file_count, lang)

    def __str__(self) -> str:
        return "\n".join([*(str(p) for p in self.problems), self.summary()])

    def grouped(self) -> list[str]:
        """After the list, for a large edit: problems of one kind (one file, field and expectation) that
        happen more than once, each as one line with its count, its first and last line and, for the kinds a
        file elsewhere fixes, how to fix them: "prices.csv: 148 rows: field 'date' — expected …; first at
        line 2, last at 371 — fix: …"."""
        groups: dict[tuple, list[Problem]] = {}
        for p in self.problems:
            groups.setdefault((p.file, p.field, p.expected), []).append(p)
        out = []
        for (file, field, expected), found in groups.items():
            if len(found) < 2:
                continue
            lines = [p.line for p in found if p.line]
            where = f"; first at line {min(lines)}, last at {max(lines)}" if lines else ""
            what = f"field '{field}' — expected {expected}" if field is not None else f"expected {expected}"
            hint = next((fix for start, fix in FIXES if expected.startswith(start)), "")
            out.append(f"{file}: {len(found)} {'rows' if file.endswith('.csv') else 'records'}: {what}{where}"
                       + (f" — fix: {hint}" if hint else ""))
        return out


FIXES = (
    ("a month with a USD/CNY rate in fx.csv",
     "extend fx.csv with a row (month, usd_cny, source) for each month these prices need"),
    ("a vendor id from vendors.csv",
     "add a row for the vendor to vendors.csv (id, names in both languages, country, colour, marker), or correct "
     "the id"),
)
"""How to fix the kinds of problem that another file fixes, by the start of what was expected."""


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.line or 0, p.field or "", p.expected)


class DataDirError(Exception):
    """The data folder itself is missing or not a folder (a usage error, not a data error)."""

    def __init__(self, path: object):
        self.path = path
        super().__init__(f"{path}: no such data folder (expected a folder holding prices.csv, sources.yaml, "
                         "vendors.csv and fx.csv, and perhaps events.yaml, claims.yaml, classes.yaml and "
                         "published_rates.yaml)")
