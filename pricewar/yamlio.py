"""Safe YAML reading that keeps line numbers.

``yaml.safe_load`` drops the parser's node marks, so a validation message could not say where a record
starts. :func:`read_yaml` uses a safe loader subclass (only the safe constructors; libyaml's parser, which
keeps the marks too) whose mappings are
:class:`Record` objects: a ``dict`` that also knows its own line and the line of each key. Dates stay
strings (the timestamp resolver is off) so an impossible date is reported by validation, not by the
parser. Duplicate keys, which PyYAML would silently collapse, are collected as problems.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from pricewar.errors import NO_VALUE, Problem

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class Record(dict):
    """A YAML mapping that remembers where it stands in its file (1-based lines)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it: 10× faster
    problems: list[tuple[int, str | None, str]]


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_record(loader: _Loader, node: yaml.MappingNode) -> Record:
    record = Record()
    record.line = node.start_mark.line + 1
    record.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            loader.problems.append((key_node.start_mark.line + 1, None, f"a plain key, not {type(key).__name__}"))
            continue
        key = str(key)
        if key in record:
            loader.problems.append((key_node.start_mark.line + 1, key,
                                    f"each field once in a record (also on line {record.key_lines[key]})"))
        record[key] = loader.construct_object(value_node, deep=True)
        record.key_lines[key] = key_node.start_mark.line + 1
    return record


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_record)


def read_yaml(path: Path, label: str) -> tuple[object, list[Problem]]:
    """Parse ``path`` safely. Returns ``(data, problems)``; ``data`` is ``None`` when it cannot be parsed.

    ``label`` is the file name problems are reported under (e.g. ``events.yaml``).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(label, None, None, NO_VALUE, "the file to exist")]
    except UnicodeDecodeError as exc:
        return None, [Problem(label, None, None, NO_VALUE, f"UTF-8 text ({exc.reason} at byte {exc.start})")]
    loader = None
    try:
        loader = _Loader(text)  # the reader rejects control characters already here
        loader.problems = []
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        return None, [Problem(label, line, None, NO_VALUE, f"well-formed YAML (the parser says: {what})")]
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        return None, [Problem(label, line, None, f"character U+{exc.character:04X}",
                              "printable text (no control characters)")]
    except yaml.YAMLError as exc:
        return None, [Problem(label, None, None, NO_VALUE, f"well-formed YAML (the parser says: {exc})")]
    finally:
        if loader is not None:
            loader.dispose()
    problems = [Problem(label, line, field, NO_VALUE, what) for line, field, what in loader.problems]
    return data, problems
