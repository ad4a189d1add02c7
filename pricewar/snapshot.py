"""A snapshot of the loaded data: the validated, normalized :class:`~pricewar.load.Dataset` kept in a cache
folder outside the data, so that a start (a server woken up, a deploy, ``pricewar validate``) reads it in a
few milliseconds instead of reading, checking and normalizing every file.

A snapshot is named by its **key**: a hash of the data files' bytes (not their paths or times, so a snapshot
baked into an image still matches the files copied beside it), of this package's code and of the libraries
that wrote it. A snapshot whose key differs is never read; one that cannot be read is ignored and rebuilt.
It is written to a temporary file and renamed into place, so two processes starting at once each see
either no snapshot or a whole one. Only data that loads is kept: invalid files are checked in full every
time, so their problems are always reported from the files themselves.

The format is Python's pickle (protocol 5), chosen over Arrow IPC after measuring both on the shipped
data: it round-trips every column type exactly (text categoricals, ``datetime64[us]``, the records of the
YAML files) in one file, and reads in about 3 ms against about 40 ms for the frames alone as Feather. A
pickle runs code when read, so the cache folder must be as private as the code: by default it is the
user's own cache (``~/.cache/pricewar``), or ``$PRICEWAR_CACHE``; ``PRICEWAR_CACHE=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path

from pricewar import schema
from pricewar.settings import public_url

ENV_VAR = "PRICEWAR_CACHE"
OFF = "off"
FORMAT = 1  # bump when what a snapshot holds changes shape
KEEP = 8  # snapshots kept in the folder; older ones are removed when a new one is written
FIRST_SIZES = ("page", "phone")  # the layouts a reader's first chart is drawn in (ui.nav.layout_size)
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where snapshots live: ``$PRICEWAR_CACHE``, else ``$XDG_CACHE_HOME/pricewar``, else
    ``~/.cache/pricewar``; ``None`` when ``PRICEWAR_CACHE=off``."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env.lower() == OFF:
        return None
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg else Path.home() / ".cache") / "pricewar"


def _code_hash() -> str:
    """This package's code (every module's bytes) and the libraries whose objects a snapshot holds (their
    installed versions, read without importing them: the first chart after a start is drawn before pandas
    is loaded)."""
    from importlib.metadata import PackageNotFoundError, version

    from pricewar import __version__

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    libraries = "|".join(installed(name) for name in ("pandas", "numpy", "pyarrow", "plotly"))
    h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{libraries}".encode())
    for path in sorted(_PACKAGE.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


_CODE: list[str] = []  # computed once per process: the code does not change under a running process


def key(data_dir: Path | str) -> str:
    """The snapshot key of the data folder: its files' names and bytes, and the code that reads them."""
    if not _CODE:
        _CODE.append(_code_hash())
    h = hashlib.sha256(_CODE[0].encode())
    base = Path(data_dir)
    for name in schema.FILES.values():
        try:
            content = (base / name).read_bytes()
        except FileNotFoundError:
            h.update(f"{name}:absent\0".encode())
            continue
        except OSError as exc:  # unreadable: let the full load report it
            h.update(f"{name}:unreadable:{exc.errno}\0".encode())
            continue
        h.update(f"{name}:{len(content)}\0".encode() + content)
    return h.hexdigest()


def _usable_dir(data_dir: Path) -> Path | None:
    """The cache folder, unless it is off or would lie inside the data folder (the app never writes there)."""
    folder = cache_dir()
    if folder is None:
        return None
    with contextlib.suppress(OSError):
        if folder.resolve().is_relative_to(data_dir.resolve()):
            return None
    return folder


def path_for(data_dir: Path | str) -> Path | None:
    """The file the snapshot of ``data_dir`` as it is now would be in (it may not exist yet)."""
    folder = _usable_dir(Path(data_dir))
    return None if folder is None else folder / f"dataset-{key(data_dir)}.pickle"


def read(path: Path, expected_key: str):
    """The dataset in snapshot ``path`` when it is whole and its key is ``expected_key``, else ``None``."""
    try:
        with open(path, "rb") as f:
            held = pickle.load(f)
    except Exception:  # noqa: BLE001 - absent, truncated, from another version: not a snapshot to use
        return None
    if not isinstance(held, dict) or held.get("key") != expected_key or held.get("format") != FORMAT:
        return None
    return held.get("dataset")


def write(path: Path, snapshot_key: str, dataset) -> bool:
    """Write the snapshot atomically (a temporary file renamed into place); ``False`` when the folder
    cannot be written (a read-only image): the data is then simply loaded in full each time."""
    try:
        _write_atomically(path, pickle.dumps({"format": FORMAT, "key": snapshot_key, "dataset": dataset}, protocol=5))
    except OSError:
        return False
    _prune(path.parent, keep=path)
    return True


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the newest :data:`KEEP` snapshots and the first charts of the removed ones (a reader
    of a removed file already has it open)."""
    with contextlib.suppress(OSError):
        snaps = sorted(folder.glob("dataset-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in snaps[KEEP:]:
            if old != keep:
                with contextlib.suppress(OSError):
                    old.unlink()
        kept = {p.name.removeprefix("dataset-").removesuffix(".pickle") for p in folder.glob("dataset-*.pickle")}
        for charts in folder.glob("first-*"):
            if charts.name.removeprefix("first-") not in kept:
                shutil.rmtree(charts, ignore_errors=True)


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def first_chart_path(folder: Path, snapshot_key: str, page: str, lang: str, size: str) -> Path:
    return folder / f"first-{snapshot_key}" / f"{page}-{lang}-{size}.json"


def write_first_charts(data_dir: Path | str, dataset, base_url: str = "") -> int:
    """Keep, beside the snapshot, the chart of the default view of each page of
    :data:`~pricewar.pages.FIRST_CHARTS`, in each language and for a desktop and a phone, as plotly JSON with
    its modebar settings: what :mod:`ui.first` draws after a start before the libraries are loaded. Returns
    how many were written (0 when the cache is off or cannot be written)."""
    from pricewar import charts, i18n
    from pricewar.pages import FIRST_CHARTS
    from pricewar.view import Choices, parse_view

    base = Path(data_dir)
    folder = _usable_dir(base)
    if folder is None:
        return 0
    snapshot_key, choices, written = key(base), Choices.of(dataset), 0
    for page, name in FIRST_CHARTS.items():
        for lang in i18n.LANGS:
            view, _ = parse_view({"lang": [lang]}, choices)  # what a page opened without a view shows
            for size in FIRST_SIZES:
                built = charts.build(name, dataset, view, size, base_url)
                if built.figure is None:
                    continue
                payload = {"format": FORMAT, "key": snapshot_key, "base_url": base_url,
                           "config": charts.plot_config(name, view, size, built.figure),
                           "figure": json.loads(built.figure.to_json())}
                try:
                    _write_atomically(first_chart_path(folder, snapshot_key, page, lang, size),
                                      json.dumps(payload, ensure_ascii=False).encode())
                except OSError:
                    return written
                written += 1
    return written


def has_first_charts(data_dir: Path | str) -> bool:
    """Whether first charts are kept for the files of ``data_dir`` as they are now (light, like
    :func:`first_chart`)."""
    folder = _usable_dir(Path(data_dir))
    return folder is not None and (folder / f"first-{key(data_dir)}").is_dir()


def first_chart(data_dir: Path | str, page: str, lang: str, size: str, base_url: str) -> tuple[dict, dict] | None:
    """(plotly figure as a dict, modebar settings) of ``page``'s default view for the files as they are now,
    or ``None`` when none is kept for them, this language, size and public address. Imports nothing heavy."""
    base = Path(data_dir)
    folder = _usable_dir(base)
    if folder is None:
        return None
    snapshot_key = key(base)
    try:
        payload = json.loads(first_chart_path(folder, snapshot_key, page, lang, size).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("key") != snapshot_key or payload.get("format") != FORMAT \
            or payload.get("base_url") != base_url:
        return None
    return payload["figure"], payload["config"]


def load(data_dir: Path | str | None = None):
    """The dataset of ``data_dir`` (default: :func:`~pricewar.load.default_data_dir`) from its snapshot when
    one matches the files as they are, else loaded in full (raising :class:`~pricewar.errors.DataError`
    when invalid) and kept as a snapshot when the files did not change while it was read."""
    from pricewar.load import default_data_dir, fingerprint, load_dataset

    base = Path(data_dir) if data_dir is not None else default_data_dir()
    if not base.is_dir():
        return load_dataset(base)  # raises the error that names the missing folder
    version = fingerprint(base)  # before the bytes are hashed: an edit after it changes it again
    folder = _usable_dir(base)
    if folder is None:
        return load_dataset(base)
    before = key(base)
    path = folder / f"dataset-{before}.pickle"
    dataset = read(path, before)
    if dataset is not None:
        return dataclasses.replace(dataset, data_dir=base, version=version)
    dataset = load_dataset(base)
    if key(base) == before:  # the files did not change while they were read
        write(path, before, dataset)
    return dataset


def warm(data_dir: Path | str | None = None) -> tuple[Path | None, bool]:
    """Build the snapshot of ``data_dir`` ahead of time (``pricewar warm``): (its path, whether it was
    there already). Raises :class:`~pricewar.errors.DataError` when the data is invalid."""
    from pricewar.load import default_data_dir

    base = Path(data_dir) if data_dir is not None else default_data_dir()
    path = path_for(base) if base.is_dir() else None
    there = path is not None and path.exists()
    dataset = load(base)
    if path is not None and path.exists():
        write_first_charts(base, dataset, public_url())
    return (path if path is not None and path.exists() else None), there
