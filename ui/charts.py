"""Showing a chart of the registry (:mod:`pricewar.charts`): built once per chart, data version, view and
layout width and shared by every reader; drawn theme-free with a modebar PNG of 1600×900 named after the
view; SVG/PNG files and the zip of the whole view built on the server only when asked for."""

from __future__ import annotations

import functools
import os
import shutil
import threading
import warnings

import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure

from pricewar import Dataset, i18n
from pricewar.charts import Built, build, csv_bytes, filename, rows
from pricewar.charts import plot_config as charts_config
from pricewar.layout import IMAGE_FILES, SIZES
from pricewar.safe import md
from pricewar.view import View
from ui.nav import base_url, layout_size  # noqa: F401 - the pages import base_url from here


def plot_config(name: str, view: View, fig: go.Figure | None = None) -> dict:
    """The modebar of chart ``name`` for this reader (:func:`pricewar.charts.plot_config`)."""
    return charts_config(name, view, layout_size(), fig)


def chart(name: str, data: Dataset, view: View, size: str | None = None) -> Built:
    """Chart ``name`` of ``view`` in ``size`` (this reader's layout by default), from the cache shared by
    every reader: going back to a view, or another reader opening it, costs no building. Shared safely because
    nothing mutates a built chart (``st.plotly_chart`` only reads its dict, :class:`_Sent`; the image export
    builds its own)."""
    return _built(name, data.key, repr(view), size or layout_size(), base_url(), data, view)


@st.cache_resource(show_spinner=False, max_entries=500)
def _built(name: str, version: str, view_key: str, size: str, base: str, _data: Dataset, _view: View) -> Built:
    return build(name, _data, _view, size, base)


def chart_rows(name: str, data: Dataset, view: View):
    """The rows behind chart ``name`` of ``view`` (what its CSV holds), shared like the charts."""
    return _rows(name, data.key, repr(view), data, view)


@st.cache_resource(show_spinner=False, max_entries=500)
def _rows(name: str, version: str, view_key: str, _data: Dataset, _view: View):
    return rows(name, _data, _view)


class _Sent(BaseFigure):
    """A built figure as ``st.plotly_chart`` reads it. Streamlit asks a figure for ``to_dict()`` (a deep copy,
    ~5 ms for a whole-war chart) on every run and serializes that; this answers with the dict made once per
    built figure. Safe because a built figure is never changed (:func:`chart`) and Streamlit only reads it."""

    def __init__(self, spec: dict):  # only to_dict is ever asked of it: BaseFigure's own set-up is skipped
        object.__setattr__(self, "_spec", spec)

    def to_dict(self) -> dict:
        return self._spec

    @classmethod
    def of(cls, fig: go.Figure) -> _Sent:
        sent = fig.__dict__.get("_pricewar_sent")
        if sent is None:  # two readers at once may both make it: the same dict either way
            spec = fig.to_dict()
            for trace in spec.get("data", []):  # what plotly.io.to_json drops, dropped here before the dict is
                trace.pop("uid", None)  # shared: serializing it then never changes it
            sent = cls(spec)
            object.__setattr__(fig, "_pricewar_sent", sent)
        return sent


def show(name: str, data: Dataset, view: View, into=None, **kwargs):
    """Draw chart ``name`` as it was built (``theme=None``: the palette is not recoloured), with one-click
    image files under it; ``into``: the placeholder the chart goes in (``ui.first.painted``), else the next
    place on the page. Returns the chart's selection event (``on_select``) and the built chart."""
    built = chart(name, data, view)
    if built.figure is None:
        return None, built
    place = into if into is not None else st
    event = place.plotly_chart(_Sent.of(built.figure), theme=None, width="stretch",
                               config=plot_config(name, view, built.figure), **kwargs)
    if not view.embed:
        image_buttons(name, data, view)
    return event, built


MIME = {"png": "image/png", "svg": "image/svg+xml"}
_LOCK = threading.Lock()  # one image at a time through the one browser


@st.cache_resource(show_spinner=False)
def _image_server() -> bool:
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    return True


@st.cache_resource(show_spinner=False, max_entries=60)
def _image(name: str, version: str, view_key: str, size: str, fmt: str, base: str, _data: Dataset,
           _view: View) -> bytes:
    import plotly.io as pio

    fig = build(name, _data, _view, size, base).figure
    s = SIZES[size]
    with _LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _image_server()
        return pio.to_image(fig, format=fmt, width=s.width, height=s.height, scale=s.scale if fmt == "png" else 1)


def image_bytes(name: str, data: Dataset, view: View, size: str, fmt: str) -> bytes:
    """Chart ``name`` of ``view`` as a ``fmt`` file laid out for ``size``, made on demand, kept per view."""
    return _image(name, data.key, repr(view), size, fmt, base_url(), data, view)


@st.cache_resource(show_spinner=False)
def images_available() -> bool:
    """Whether this server can make image files (kaleido needs a Chromium)."""
    paths = [os.environ.get("BROWSER_PATH", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    return any(p and os.path.exists(p) for p in paths) or any(
        shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome"))


def image_buttons(name: str, data: Dataset, view: View) -> None:
    """Three buttons, one click each: PNG 16:9, PNG square and SVG of the chart, each made when clicked. In one
    row that wraps on a narrow screen (a horizontal container: one element where three columns were four,
    and every element is a message and an update in the browser on every rerun)."""
    lang = view.lang
    if not images_available():
        st.caption(i18n.t("images_unavailable", lang, reason="Chromium"))
        return
    stem = filename(name, view)
    row = st.container(horizontal=True, gap="small")
    for size, fmt, suffix in IMAGE_FILES:
        row.download_button(
            i18n.t(f"download_{size}_{fmt}", lang),
            data=functools.partial(image_bytes, name, data, view, size, fmt),
            file_name=f"{stem}{suffix}",
            mime=MIME[fmt],
            key=f"img_{name}_{size}_{fmt}",
            icon=":material/download:",
            width="stretch",
        )


def csv_button(rows, data: Dataset, view: View, name: str) -> None:
    """The button that downloads ``rows`` as a CSV (:func:`pricewar.charts.csv_bytes`), made when clicked: on a
    page of every price, making it on every run cost ~10 ms."""
    st.download_button(i18n.t("download_csv", view.lang, n=len(rows)),
                       functools.partial(csv_bytes, rows, data, view.lang), mime="text/csv",
                       file_name=filename(name, view) + ".csv")


def export_zip(data, view: View) -> None:
    """A sidebar button that builds the static export of the current view as one zip, only when clicked."""
    import io
    import tempfile
    import zipfile
    from pathlib import Path

    from pricewar.export import ExportError, export

    lang = view.lang
    made = st.session_state.setdefault("_zip", {})
    key = filename("site", view)
    if st.sidebar.button(i18n.t("export_zip", lang), key="zip_make", icon=":material/folder_zip:"):
        with st.sidebar.status(i18n.t("export_zip_building", lang)), tempfile.TemporaryDirectory() as tmp:
            try:
                export(data, Path(tmp), [view], base_url=base_url())
            except ExportError as exc:
                st.sidebar.warning(md(str(exc)))
                return
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
                for f in sorted(Path(tmp).iterdir()):
                    zf.write(f, f.name)
            made.clear()
            made[key] = buffer.getvalue()
    if key in made:
        st.sidebar.download_button(
            i18n.t("export_zip_download", lang),
            made[key],
            file_name=f"{key}.zip",
            mime="application/zip",
            key="zip_download",
        )
