"""The ``pricewar`` command line. The only place (with the pages) that turns typed errors into messages.

Exit codes: 0 valid, 1 invalid data, 2 usage error (bad arguments, no such folder).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pricewar import __version__
from pricewar.errors import DataDirError, DataError
from pricewar.load import ENV_VAR, default_data_dir, load_dataset

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pricewar",
        description="Tools for the pricewar dataset of the 2024–2025 LLM API price war.")
    parser.add_argument("--version", action="version", version=f"pricewar {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate", help="check every data file and report every problem",
        description="Check every data file in DATA_DIR and print every problem with its file, line, field "
                    "and value; or a one-line summary of what was checked.")
    validate.add_argument("data_dir", nargs="?", type=Path, metavar="DATA_DIR",
                          help=f"the data folder (default: ${ENV_VAR}, else the shipped data/)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args.data_dir)
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands first


def _validate(data_dir: Path | None) -> int:
    where = data_dir if data_dir is not None else default_data_dir()
    try:
        dataset = load_dataset(where)
    except DataDirError as exc:
        print(f"pricewar: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DataError as exc:
        for problem in exc.problems:
            print(f"{Path(where) / problem.file}{str(problem)[len(problem.file):]}")
        print(f"{where}: invalid — {exc.summary()}", file=sys.stderr)
        return EXIT_INVALID
    claims = Path(where) / "claims.yaml"
    extra = ""
    if claims.exists():
        from pricewar.claims import load_claims
        from pricewar.normalize import series_table
        from pricewar.select import model_label

        series = series_table(dataset.prices, dataset.fx)
        labels = {model_label(m, t) for m, t in zip(series["model"], series["tier"], strict=True)}
        try:
            extra = f", {len(load_claims(claims, labels, set(dataset.sources['id'])))} claims"
        except DataError as exc:
            for problem in exc.problems:
                print(f"{Path(where) / problem.file}{str(problem)[len(problem.file):]}")
            print(f"{where}: invalid — {exc.summary()}", file=sys.stderr)
            return EXIT_INVALID
    print(f"{where}: valid — checked {dataset.summary()}{extra}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
