"""The ``pricewar`` command line. The only place (with the pages) that turns typed errors into messages.

Exit codes: 0 valid, 1 invalid data, 2 usage error (bad arguments, no such folder).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pricewar import __version__, schema, snapshot
from pricewar.errors import DataDirError, DataError
from pricewar.load import ENV_VAR, default_data_dir
from pricewar.settings import public_url

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pricewar", description="Tools for the pricewar dataset of the 2024–2025 LLM API price war."
    )
    parser.add_argument("--version", action="version", version=f"pricewar {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check every data file and report every problem",
        description="Check every data file in DATA_DIR and print every problem with its file, line, field "
        "and value; or a one-line summary of what was checked.",
    )
    validate.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        metavar="DATA_DIR",
        help=f"the data folder (default: ${ENV_VAR}, else the shipped data/)",
    )
    warm = commands.add_parser(
        "warm",
        help="build the data's snapshot ahead of time, so that the dashboard starts without loading the files",
        description=f"Load, check and normalize DATA_DIR once and keep the result in the snapshot cache "
        f"(${snapshot.ENV_VAR}, default ~/.cache/pricewar), keyed on the files' content: a server started "
        "later, or an image built with it, reads it instead of the files.",
    )
    warm.add_argument("data_dir", nargs="?", type=Path, metavar="DATA_DIR",
                      help=f"the data folder (default: ${ENV_VAR}, else the shipped data/)")
    export = commands.add_parser(
        "export",
        help="write every chart as offline HTML, PNG, SVG and CSV with an index.html gallery",
        description="Write a static gallery of every chart (timeline, price curves, comparison, before/after, "
        "trend, story steps) for a newsroom or any static host.",
    )
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write into")
    export.add_argument("--lang", choices=["zh", "en", "both"], default="both")
    export.add_argument("--data", type=Path, metavar="DATA_DIR", help=f"the data folder (default: ${ENV_VAR})")
    export.add_argument("--vendor", action="append", default=[], metavar="ID", help="repeat for several vendors")
    export.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    export.add_argument("--currency", choices=schema.CURRENCIES)
    export.add_argument("--kind", choices=schema.SERIES_KINDS)
    # the comparison and the decline rate, as on their pages: a dated comparison can be reproduced
    export.add_argument("--at", metavar="YYYY-MM-DD", help="the comparison's date (default: the data's last day)")
    export.add_argument("--before", metavar="YYYY-MM-DD", help="the before → after window's first day")
    export.add_argument("--after", metavar="YYYY-MM-DD", help="the before → after window's last day")
    export.add_argument("--ref", metavar="MODEL", help="the ratio table's reference model, e.g. 'GPT-4 8k'")
    export.add_argument("--set", metavar="SET", help="the decline rate's set of models (a class id, all, or a country)")
    export.add_argument("--highlight", action="append", default=[], metavar="MODEL",
                        help="a model to draw in colour and name (repeat; default: the headline events')")
    export.add_argument("--chart", metavar="NAME", help="the chart your words are for (default: prices)")
    export.add_argument("--headline", help="your headline instead of the computed finding (plain text, ≤100 chars)")
    export.add_argument("--subtitle", help="your subtitle instead of the filters in words (≤160 characters)")
    export.add_argument("--note", help="a note at the chart's foot (≤200 characters)")
    export.add_argument("--byline", help='"Chart: …" in the credit line (≤60 characters)')
    export.add_argument("--base-url", default=public_url(), metavar="URL",
                        help="the dashboard's public address, printed in each chart's credit line "
                             "(default: $PRICEWAR_PUBLIC_URL)")
    export.add_argument("--no-images", action="store_true", help="HTML and CSV only (no browser needed)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args.data_dir)
    if args.command == "export":
        return _export(args)
    if args.command == "warm":
        return _warm(args.data_dir)
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands first


def _invalid(where: Path, exc: DataError) -> int:
    """Every problem on stdout with its file's path, the count on stderr; the exit code for invalid data."""
    for problem in exc.problems:
        print(f"{Path(where) / problem.file}{str(problem)[len(problem.file) :]}")
    groups = exc.grouped()
    if groups:  # a large edit: each kind of problem once, with how many and where
        print("\nBy kind:")
        for line in groups:
            print(f"  {line}")
    print(f"{where}: invalid — {exc.summary()}", file=sys.stderr)
    return EXIT_INVALID


def _invalid_briefly(where: Path, exc: DataError) -> int:
    print(f"{where}: invalid — {exc.summary()} (run: pricewar validate {where})", file=sys.stderr)
    return EXIT_INVALID


def _load(where: Path, on_invalid):
    """The dataset, or the exit code after saying what is wrong (no folder: usage; bad data: ``on_invalid``)."""
    try:
        return snapshot.load(where)
    except DataDirError as exc:
        print(f"pricewar: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DataError as exc:
        return on_invalid(where, exc)


def _validate(data_dir: Path | None) -> int:
    where = data_dir if data_dir is not None else default_data_dir()
    dataset = _load(where, _invalid)
    if isinstance(dataset, int):
        return dataset
    left_out = [p for problems in dataset.problems.values() for p in problems]
    if left_out:  # the optional files the dashboard does without, and why
        return _invalid(where, DataError(left_out))
    print(f"{where}: valid — checked {dataset.summary()}")
    return EXIT_OK


def _warm(data_dir: Path | None) -> int:
    import time

    where = data_dir if data_dir is not None else default_data_dir()
    started = time.perf_counter()
    try:
        path, there = snapshot.warm(where)
    except DataDirError as exc:
        print(f"pricewar: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DataError as exc:
        return _invalid_briefly(where, exc)
    if path is None:
        print(f"{where}: valid; no snapshot kept (the cache is off or cannot be written: ${snapshot.ENV_VAR})")
    elif there:
        print(f"{where}: snapshot up to date: {path}")
    else:
        print(f"{where}: snapshot written in {time.perf_counter() - started:.2f} s: {path}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from pricewar.export import ExportError, export
    from pricewar.view import Choices, parse_view

    where = args.data if args.data is not None else default_data_dir()
    dataset = _load(where, _invalid_briefly)
    if isinstance(dataset, int):
        return dataset
    params = {"vendor": args.vendor, "highlight": args.highlight}
    for name, value in (("from", args.start), ("to", args.end), ("currency", args.currency), ("kind", args.kind),
                        ("at", args.at), ("before", args.before), ("after", args.after), ("ref", args.ref),
                        ("set", args.set), ("chart", args.chart), ("headline", args.headline),
                        ("subtitle", args.subtitle), ("note", args.note), ("byline", args.byline)):
        if value:
            params[name] = [value]
    choices = Choices.of(dataset)
    view, notices = parse_view(params, choices)
    if notices:
        span = f" (outside the data, which runs {choices.first} to {choices.last})"
        bad = "; ".join(f"--{n.param} {n.value}" + (span if n.reason == "outside" else "") for n in notices)
        print(f"pricewar export: not valid: {bad}", file=sys.stderr)
        return EXIT_USAGE
    langs = ["zh", "en"] if args.lang == "both" else [args.lang]

    def progress(done: int, total: int, name: str) -> None:
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    try:
        files = export(
            dataset, args.out, [view.with_(lang=lang) for lang in langs], images=not args.no_images, progress=progress,
            base_url=args.base_url,
        )
    except ExportError as exc:
        sys.stderr.write("\n")
        print(f"pricewar export: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"{args.out}: wrote {len(files)} files; open {args.out / 'index.html'}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
