"""Showing a chart of the registry (:mod:`pricewar.charts`): built once per chart, data version, view and
layout width and shared by every reader; drawn theme-free with a modebar PNG of 1600×900 named after the
view; SVG/PNG files and the zip of the whole view built on the server only when asked for."""

from __future__ import annotations

import re
import warnings

import plotly.graph_objects as go
import streamlit as st

from pricewar import Dataset, i18n
from pricewar.charts import Built, build, rows
from pricewar.figures import EXPORT
from pricewar.safe import md
from pricewar.view import View


def filename(name: str, view: View) -> str:
    """``pricewar-prices-en-input-CNY-deepseek-2024-01-01_2025-03-31``: the chart and what its view shows."""
    who = "-".join(view.vendors) if view.vendors else "all"
    shown = {"ranking": f"{view.at}", "before-after": f"{view.before}_{view.after}", "ratios": f"{view.at}",
             "story": view.step, "trend": view.set}.get(name, f"{view.start}_{view.end}")
    raw = f"pricewar-{name}-{view.lang}-{view.kind}-{view.currency}-{who}-{shown}"
    return re.sub(r"[^A-Za-z0-9._-]+", "-", raw)[:150]


def plot_config(name: str, view: View) -> dict:
    return {
        "displaylogo": False,
        "responsive": True,
        "toImageButtonOptions": {"format": "png", "filename": filename(name, view), **EXPORT},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"] if name != "timeline" else ["lasso2d"],
    }


def chart(name: str, data: Dataset, view: View) -> Built:
    """Chart ``name`` of ``view`` at this reader's layout width, from the cache shared by every reader:
    going back to a view, or another reader opening it, costs no building. Shared safely because nothing
    mutates a built chart (``st.plotly_chart`` and the image export copy the figure)."""
    return _built(name, data.version, repr(view), width_px(), data, view)


@st.cache_resource(show_spinner=False, max_entries=500)
def _built(name: str, version: tuple, view_key: str, width: int, _data: Dataset, _view: View) -> Built:
    return build(name, _data, _view, width)


def chart_rows(name: str, data: Dataset, view: View):
    """The rows behind chart ``name`` of ``view`` (what its CSV holds), shared like the charts."""
    return _rows(name, data.version, repr(view), data, view)


@st.cache_resource(show_spinner=False, max_entries=500)
def _rows(name: str, version: tuple, view_key: str, _data: Dataset, _view: View):
    return rows(name, _data, _view)


def show(name: str, data: Dataset, view: View, **kwargs):
    """Draw chart ``name`` as it was built (``theme=None``: vendor colours are not recoloured), with its
    image buttons; returns the chart's selection event (``on_select``) and the built chart."""
    built = chart(name, data, view)
    if built.figure is None:
        return None, built
    event = st.plotly_chart(built.figure, theme=None, width="stretch", config=plot_config(name, view), **kwargs)
    if not view.embed:
        _image_files(built.figure, name, view)
    return event, built


@st.cache_resource(show_spinner=False)
def _image_server() -> bool:
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    return True


def _image_files(fig: go.Figure, name: str, view: View) -> None:
    lang = view.lang
    stem = filename(name, view)
    made = st.session_state.setdefault("_images", {})
    key = f"{stem}-{hash(view)}"
    with st.popover(i18n.t("prepare_images", lang), icon=":material/download:"):
        if st.button(i18n.t("prepare_images", lang), key=f"img_{name}_make", type="primary"):
            try:
                import plotly.io as pio

                _image_server()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    png = pio.to_image(fig, format="png", **EXPORT)
                    svg = pio.to_image(fig, format="svg", width=EXPORT["width"], height=EXPORT["height"])
                made.clear()  # keep only the latest view's files
                made[key] = (png, svg)
            except Exception as exc:  # noqa: BLE001 - any failure of the image engine is a message, not a crash
                st.warning(i18n.t("images_unavailable", lang, reason=md(type(exc).__name__)))
        if key in made:
            png, svg = made[key]
            st.download_button(
                i18n.t("download_png", lang), png, file_name=f"{stem}.png", mime="image/png", key=f"img_{name}_png"
            )
            st.download_button(
                i18n.t("download_svg", lang), svg, file_name=f"{stem}.svg", mime="image/svg+xml", key=f"img_{name}_svg"
            )


def width_px() -> int:
    """The width figures are laid out for: a phone's (its browser says 'Mobi' in its user agent), else a
    desktop's. Figures stretch to the page either way; this decides wrapping and how many labels fit."""
    try:
        agent = st.context.headers.get("User-Agent", "") or ""
    except Exception:  # noqa: BLE001 - no request context (e.g. bare mode): lay out for a desktop
        agent = ""
    return 340 if "Mobi" in agent else 900


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
                export(data, Path(tmp), [view])
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
