"""The dataset the pages show: loaded once per change of the data files, shared by every reader, with its
fallback when an edit leaves the files invalid, and the notice a page gives when an optional file it
needs is absent, empty or invalid. Problems are shown as plain text, never Markdown."""

from __future__ import annotations

import dataclasses

import streamlit as st

from pricewar import Dataset, default_data_dir, i18n, schema, snapshot
from pricewar.errors import DataDirError, DataError
from pricewar.load import fingerprint
from pricewar.safe import md


@st.cache_resource(show_spinner=False, max_entries=4)
def _loaded(folder: str, version: str) -> Dataset:
    """The dataset of the files in ``folder`` whose fingerprint's ``repr`` is ``version`` (a string: hashed
    at once, where the tuple cost a millisecond a run), from its snapshot when the files' content has one
    (:mod:`pricewar.snapshot`): loaded once, never handed out itself (:func:`_load`)."""
    return snapshot.load(folder)


FRAMES = ("prices", "normalized", "series", "events", "event_sources", "sources", "vendors", "fx")


def _load(key: tuple) -> Dataset:
    """This run's own copy of the dataset of ``key``: its frames copied shallowly, so that a page that changes
    one (a column set, a row sorted in place) changes only its own — pandas' copy-on-write copies the data a
    change touches, and nothing else. A deep copy of the whole dataset on every run cost 5–20 ms."""
    data = _loaded(key[0], repr(key))
    return dataclasses.replace(data, **{name: getattr(data, name).copy(deep=False) for name in FRAMES},
                               files=dict(data.files), problems=dict(data.problems), counts=dict(data.counts))


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[str, tuple]:
    """Per data folder, the fingerprint of the last files that were valid in full (shared by every session)."""
    return {}


def _usable() -> tuple[Dataset, DataError | None]:
    """The dataset to show and, when the files are invalid now, what is wrong with them. Files that have
    been valid before are replaced by that last valid version until they are fixed; a folder that has
    never been valid is shown without its invalid optional files (the pages that need one say so), and
    raises when a required file is invalid."""
    key = fingerprint(default_data_dir())
    folder, last = key[0], _last_good().get(key[0])
    if last == key:  # these very files were valid before: no need to ask the cache
        return _load(key), None
    try:
        data = _load(key)
    except DataError as exc:
        if last is None:
            raise
        return _load(last), exc
    if data.problems:
        left_out = DataError([p for problems in data.problems.values() for p in problems])
        return (_load(last), left_out) if last is not None else (data, None)
    _last_good()[folder] = key
    return data, None


def dataset(lang: str) -> Dataset:
    """The validated dataset. When the files turn invalid while the server runs, readers keep the last
    valid data under a banner listing the problems; with no valid data at all, the page stops with the list."""
    try:
        data, error = _usable()
    except DataDirError as exc:
        st.error(i18n.t("data_missing", lang, path=md(exc.path)))
        st.stop()
    except DataError as exc:
        st.error(i18n.t("data_invalid", lang, summary=exc.summary(lang)))
        st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)
        st.stop()
    if error is not None:
        with st.container(border=True, key="stale_banner"):
            st.warning(i18n.t("data_stale", lang, summary=error.summary(lang)), icon=":material/warning:")
            st.code("\n".join(str(p) for p in error.problems), language=None, wrap_lines=True)
    return data


def needs(data: Dataset, name: str, lang: str, *, quiet: bool = False) -> bool:
    """Whether the optional file ``name`` (``"events"``, ``"claims"``…) gives this page something; if not,
    say in the reader's language what the page would need (a caption when ``quiet``: the page works
    without it)."""
    state = data.missing(name)
    if state is None:
        return True
    file = schema.FILES[name]
    text = i18n.t(f"needs_{state}", lang, file=file, what=i18n.t(f"needs_what_{name}", lang))
    if quiet:
        st.caption(md(text))
    else:
        st.info(md(text), icon=":material/info:")
    if state == "invalid":
        st.code("\n".join(str(p) for p in data.problems.get(name, ())), language=None, wrap_lines=True)
    return False


def warm_up() -> None:
    """Load, check and normalize the data into the cache, as the first page view would (server start)."""
    _usable()
