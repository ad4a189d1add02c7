"""Static export: every chart as a standalone offline HTML page, PNGs (1600×900 and 1080×1080), SVG and the
CSV of its rows, plus an index.html gallery with embed snippets — files a newsroom can upload as they are.

Deterministic (same data and options → byte-identical HTML and CSV); every file is written under a
temporary name and renamed when complete, so an interrupted export leaves nothing that looks finished.
"""

from __future__ import annotations

import html
import os
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from pricewar import charts as registry
from pricewar import figures
from pricewar.layout import SIZES
from pricewar.load import Dataset
from pricewar.select import prices_in_view
from pricewar.story import steps
from pricewar.text import credit
from pricewar.view import View

PNG_SIZES = {"": "wide", "-square": "square"}  # layouts (pricewar.layout.SIZES): 1600×900 and 1080×1080 pixels
PLOTLY_JS = "plotly.min.js"
CHARTS = ("timeline", "prices", "ranking", "before-after", "ratios", "trend")
"""The charts of the export, in gallery order; then every story step."""


class ExportError(Exception):
    """The export cannot be made (nothing selected, folder not writable, no browser for images)."""


@dataclass
class Chart:
    name: str  # the file stem: the registry's chart name, story steps numbered (story-01 …)
    lang: str
    title: str
    figure: go.Figure | None  # laid out for a page (the HTML); None for a table (CSV only)
    wide: go.Figure | None  # laid out for a 1600×900 picture (PNG and SVG)
    square: go.Figure | None  # laid out for a 1080×1080 picture
    rows: pd.DataFrame
    height: int


def charts(data: Dataset, view: View, base_url: str = "", only: tuple[str, ...] = ()) -> list[Chart]:
    """Every chart of the view, built by the chart registry as the pages build them, and every story step;
    with ``only``, just the charts of those names ("story" for the view's own step)."""
    if prices_in_view(data.normalized, view).empty:
        raise ExportError(
            f"the filters select no price (vendors {', '.join(view.vendors) or 'all'}, "
            f"{view.start} to {view.end}, {view.kind}): nothing to export"
        )
    wanted = [(name, name, view) for name in CHARTS]
    # the journalist's words for the story go to the view's own step; every other step keeps its caption
    own = {"headline": "", "subtitle": "", "note": ""}
    wanted += [(f"story-{i:02d}", "story", view.with_(step=sid, **({} if sid == view.step else own)))
               for i, sid in enumerate(steps(data.events)["id"], 1)]
    if only:
        wanted = [(stem, name, v) for stem, name, v in wanted if stem in only
                  or (name == "story" and "story" in only and v.step == view.step)]
    out = []
    for stem, name, v in wanted:
        page = registry.build(name, data, v, "page", base_url)
        pictures = [registry.build(name, data, v, size, base_url).figure if page.figure is not None else None
                    for size in ("wide", "square")]
        height = int(page.figure.layout.height or 600) if page.figure is not None else 0
        out.append(Chart(stem, v.lang, page.title or stem, page.figure, *pictures,
                         registry.with_release(page.rows.reset_index(drop=True), data, v.lang), height))
    return out


def _write(path: Path, content: str | bytes) -> None:
    tmp = path.with_name(f".{path.name}.part-{os.getpid()}")
    try:
        if isinstance(content, str):
            tmp.write_text(content, encoding="utf-8")
        else:
            tmp.write_bytes(content)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _page(chart: Chart) -> str:
    assert chart.figure is not None
    import plotly.io as pio

    body = pio.to_html(
        chart.figure,
        include_plotlyjs=PLOTLY_JS,
        full_html=False,
        div_id=f"pricewar-{chart.name}",
        default_height=f"{chart.height}px",
        config={
            "displaylogo": False,
            "responsive": True,
            "toImageButtonOptions": {"format": "png", "filename": f"{chart.name}-{chart.lang}",
                                     "width": figures.EXPORT["width"], "height": chart.height, "scale": 2},
        },
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if chart.lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(chart.title)} · pricewar</title>\n"
        f"<style>body{{margin:0;font-family:{figures.FONT}}}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _index(all_charts: list[Chart], langs: Iterable[str], images: bool = True, release=None) -> str:
    parts = [
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>pricewar · charts</title>\n'
        f"<style>body{{font-family:{figures.FONT};max-width:960px;margin:2em auto;padding:0 1em}}"
        "pre{background:#f4f4f4;padding:.5em;overflow-x:auto;white-space:pre-wrap}"
        "img{max-width:100%;border:1px solid #ddd}</style>\n</head>\n<body>\n"
        "<h1>大模型 API 价格战 · The LLM API price war</h1>\n"
        f"<p>{html.escape(credit(release, 'zh'))} · {html.escape(credit(release, 'en'))}</p>\n"
    ]
    for lang in langs:
        parts.append(f"<h2>{'中文' if lang == 'zh' else 'English'}</h2>\n")
        for c in (c for c in all_charts if c.lang == lang):
            stem = f"{c.name}-{lang}"
            snippet = (
                f'<iframe src="{stem}.html" width="100%" height="{c.height + 20}" style="border:0" '
                f'title="{html.escape(c.title)}"></iframe>'
            )
            if c.figure is None:  # a table: its CSV
                parts.append(f'<section>\n<h3>{html.escape(c.name)}</h3>\n<p><a href="{stem}.csv">CSV</a></p>\n'
                             "</section>\n")
                continue
            kinds = [(".html", "HTML"), (".csv", "CSV")]
            if images:
                kinds[1:1] = [(".png", "PNG 1600×900"), ("-square.png", "PNG 1080×1080"), (".svg", "SVG")]
            files = " · ".join(f'<a href="{stem}{ext}">{label}</a>' for ext, label in kinds)
            picture = (
                f'<a href="{stem}.html"><img src="{stem}.png" alt="{html.escape(c.title)}" loading="lazy"></a>\n'
                if images
                else ""
            )
            parts.append(
                f"<section>\n<h3>{html.escape(c.title)}</h3>\n{picture}"
                f"<p>{files}</p>\n<pre>{html.escape(snippet)}</pre>\n</section>\n"
            )
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def export(
    data: Dataset,
    out: Path,
    views: list[View],
    *,
    images: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
    base_url: str = "",
) -> list[Path]:
    """Write the gallery of ``views`` (one per language) into ``out``; returns the files written."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".pricewar-write-test-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise ExportError(f"{out}: the output folder is not writable ({exc.strerror})") from exc
    all_charts = [c for v in views for c in charts(data, v, base_url)]
    pictures = [c for c in all_charts if c.figure is not None]
    steps_total = 1 + len(all_charts) + len(pictures) * (1 + (len(PNG_SIZES) + 1 if images else 0)) + 1
    done, written = 0, []

    def step(path: Path, content: str | bytes) -> None:
        nonlocal done
        _write(path, content)
        written.append(path)
        done += 1
        if progress:
            progress(done, steps_total, path.name)

    import plotly.offline

    step(out / PLOTLY_JS, plotly.offline.get_plotlyjs())
    for c in all_charts:
        stem = f"{c.name}-{c.lang}"
        if c.figure is not None:
            step(out / f"{stem}.html", _page(c))
        step(out / f"{stem}.csv", c.rows.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\n"))
    if images:
        _images(pictures, out, step)
    step(out / "index.html", _index(all_charts, [v.lang for v in views], images, data.release))
    return written


def _images(all_charts: list[Chart], out: Path, step) -> None:
    try:
        import kaleido
        import plotly.io as pio

        kaleido.start_sync_server(silence_warnings=True)
    except Exception as exc:  # noqa: BLE001 - no browser, no images: say so plainly
        raise ExportError(f"images need Chromium (Debian: apt-get install chromium): {exc}") from exc
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for c in all_charts:
                stem = f"{c.name}-{c.lang}"
                for suffix, name in PNG_SIZES.items():
                    fig, size = (c.square if suffix else c.wide), SIZES[name]
                    step(out / f"{stem}{suffix}.png", pio.to_image(fig, format="png", width=size.width,
                                                                   height=size.height, scale=size.scale))
                wide = SIZES["wide"]
                step(out / f"{stem}.svg", pio.to_image(c.wide, format="svg", width=wide.width, height=wide.height))
    except ExportError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise ExportError(f"images could not be made (is Chromium installed?): {type(exc).__name__}: {exc}") from exc
    finally:
        kaleido.stop_sync_server()
