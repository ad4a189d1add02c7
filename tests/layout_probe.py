"""Render plotly figures in the system Chromium and measure where their text and plot area land.

Charts are published as pictures at fixed sizes (800×450, 540×540, a phone's 358×600 CSS px). This
harness draws a figure at such a size with the page's own plotly.js, reads every visible SVG ``<text>``
back from the DOM, and :func:`problems` says in words what a reader of the picture would notice: text on
top of text, text cut off at an edge, a header that eats the chart, a plot area squeezed too small.

One browser page serves every figure (plotly.js is loaded into it once)::

    with Probe() as probe:                      # its own Playwright and Chromium
        m = probe.measure(fig, 800, 450)
        assert not problems(m), "\\n".join(problems(m))
        probe.screenshot(fig, 800, 450, "chart.png")   # 1600×900 PNG, for a human to look at

Inside pytest, pytest-playwright already runs a sync Playwright for the session and a second one in the
same thread is refused ("using Playwright Sync API inside the asyncio loop"): pass its ``playwright``
fixture, ``Probe(playwright=playwright)`` (launches one Chromium, closed on exit), or a ``browser``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

try:
    from server import CHROMIUM, CHROMIUM_ARGS
except ImportError:  # used outside pytest (whose conftest puts scripts/ on the path)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from server import CHROMIUM, CHROMIUM_ARGS

ROLES = ("title", "annotation", "legend", "axis-title", "xtick", "ytick", "point-text", "colorbar", "other")


@dataclass(frozen=True)
class Box:
    """A rectangle in CSS px, relative to the figure's top-left corner (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def overlap(self, other: Box) -> tuple[float, float]:
        """How far the two boxes reach into each other along x and along y (≤ 0: apart on that axis)."""
        return (min(self.x1, other.x1) - max(self.x0, other.x0), min(self.y1, other.y1) - max(self.y0, other.y0))

    def intersect(self, other: Box) -> Box | None:
        """The part the two boxes share (None: nothing, or only an edge)."""
        box = Box(max(self.x0, other.x0), max(self.y0, other.y0), min(self.x1, other.x1), min(self.y1, other.y1))
        return box if box.width > 0 and box.height > 0 else None

    def __str__(self) -> str:
        return f"({self.x0:.0f},{self.y0:.0f})–({self.x1:.0f},{self.y1:.0f})"


@dataclass(frozen=True)
class Text:
    """One visible, non-empty SVG ``<text>`` of the rendered figure.

    Boxes are the browser's boxes of the text: from the font's ascent to its descent, so a little taller
    than the ink; two lines set closer than their line height overlap by that measure.
    """

    text: str  # the lines of a multi-line text are joined with "\n"
    role: str  # one of ROLES, from the element's and its ancestors' classes
    box: Box  # the part that is drawn: the text's box within its clip-paths (plot area, legend box)
    annotation: int | None = None  # the index in fig.layout.annotations, for role "annotation"
    name: str | None = None  # that annotation's name
    element: int = 0  # the element's position among the figure's <text>s: tells two texts apart
    cls: str = ""  # the element's own class attribute, e.g. "xtick", "annotation-text", "legendtext"
    full: Box | None = None  # the whole text's box, when a clip-path cuts part of it off

    def cut(self) -> dict[str, float]:
        """How many px a clip-path cuts off each side ("left", "top", "right", "bottom"); {} when none."""
        if self.full is None:
            return {}
        sides = {"left": self.box.x0 - self.full.x0, "top": self.box.y0 - self.full.y0,
                 "right": self.full.x1 - self.box.x1, "bottom": self.full.y1 - self.box.y1}
        return {side: by for side, by in sides.items() if by > 0}

    def describe(self) -> str:
        role = self.role
        if self.annotation is not None:
            role += f" #{self.annotation}" + (f" {self.name!r}" if self.name else "")
        short = self.text.replace("\n", " ⏎ ")
        short = short if len(short) <= 40 else short[:39] + "…"
        return f"{short!r} ({role}, {self.box})"


@dataclass(frozen=True)
class Annotated:
    """An entry of fig.layout.annotations and where its text was drawn (None: not drawn, or empty)."""

    index: int
    name: str | None
    box: Box | None
    text: str = ""


@dataclass(frozen=True)
class Measure:
    """What :meth:`Probe.measure` read from one rendered figure."""

    size: tuple[int, int]  # (width, height) in CSS px
    plot: Box  # the plot area, from plotly's own _fullLayout._size
    texts: tuple[Text, ...]  # every text of which some part is drawn
    annotations: tuple[Annotated, ...]  # one per fig.layout.annotations entry, in order
    hidden: tuple[Text, ...] = ()  # texts wholly outside their clip-paths: legend entries scrolled out of
    # the legend's box, labels of points outside the axis range (``box`` is where they would be)

    def named(self, name: str) -> list[Annotated]:
        """The annotations with this name (a chart may split a label into several)."""
        return [a for a in self.annotations if a.name == name]

    def by_role(self, role: str) -> list[Text]:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
        return [t for t in self.texts if t.role == role]


# --- in the page --------------------------------------------------------------------------------------
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<style>html, body { margin: 0; padding: 0; background: white; } #g { position: absolute; left: 0; top: 0; }</style>
</head><body><div id="g"></div></body></html>"""

RENDER = r"""
window.__probe = async (json, width, height) => {
  const gd = document.getElementById('g');
  const fig = JSON.parse(json);
  const layout = Object.assign({}, fig.layout || {}, {width, height, autosize: false});
  Plotly.purge(gd);
  gd.style.width = width + 'px';
  gd.style.height = height + 'px';
  await Plotly.newPlot(gd, fig.data || [], layout, {staticPlot: true, displayModeBar: false});
  const origin = gd.getBoundingClientRect();

  const join = (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
  const meet = (a, b) => [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  const rectOf = (node, clipPath) => {  // a clip-path's rects, in px from the figure's corner
    const ctm = node.getScreenCTM();
    let union = null;
    for (const r of clipPath.querySelectorAll('rect')) {
      const own = r.transform.baseVal.consolidate();
      const m = own ? ctm.multiply(own.matrix) : ctm;
      const [x, y, w, h] = [r.x, r.y, r.width, r.height].map((a) => a.baseVal.value);
      const corners = [[x, y], [x + w, y], [x, y + h], [x + w, y + h]];
      const pts = corners.map(([px, py]) => new DOMPoint(px, py).matrixTransform(m));
      const xs = pts.map((p) => p.x - origin.left), ys = pts.map((p) => p.y - origin.top);
      const b = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
      union = union ? join(union, b) : b;
    }
    return union;
  };
  // per element, from its ancestors down: hidden (display none, opacity 0), the clip-paths' common rect
  // (plot area, legend box) and the role its classes give; cached, as the texts share their ancestors
  const seen = new Map([[gd, {hidden: false, clip: null, role: null}]]);
  const info = (node) => {
    let got = seen.get(node);
    if (got) return got;
    const up = info(node.parentElement);
    const s = getComputedStyle(node);
    got = {hidden: up.hidden || s.display === 'none' || parseFloat(s.opacity) === 0, clip: up.clip, role: up.role};
    const url = !got.hidden && /url\("?#([^")]+)"?\)/.exec(s.clipPath || '');
    const def = url && document.getElementById(url[1]);
    const rect = def && rectOf(node, def);
    if (rect) got.clip = got.clip ? meet(got.clip, rect) : rect;
    for (const c of node.classList || []) {  // the innermost class that says decides
      if (c === 'annotation') got.role = 'annotation';
      else if (c === 'gtitle') got.role = 'title';
      else if (/^legend\d*$/.test(c) || c === 'legendtext' || c === 'legendtitletext') got.role = 'legend';
      else if (c === 'colorbar') got.role = 'colorbar';
      else if (/^[xy]\d*title$/.test(c)) got.role = 'axis-title';
      else if (/^x\d*tick$/.test(c)) got.role = 'xtick';
      else if (/^y\d*tick$/.test(c)) got.role = 'ytick';
      else if (c === 'textpoint' || c === 'bartext' || c === 'slicetext') got.role = 'point-text';
    }
    seen.set(node, got);
    return got;
  };
  const visible = (el) => {
    const s = getComputedStyle(el);
    if (s.visibility !== 'visible' || s.fill === 'none' || parseFloat(s.fillOpacity) === 0) return false;
    return !info(el).hidden && !/rgba\(.*,\s*0\)$/.test(s.fill);
  };
  const texts = [];
  let element = 0;
  for (const svg of gd.querySelectorAll('svg.main-svg')) {
    for (const el of svg.querySelectorAll('text')) {
      element += 1;
      const lines = el.querySelectorAll(':scope > tspan.line');
      const text = lines.length ? Array.from(lines, (l) => l.textContent).join('\n') : el.textContent;
      if (!text.trim() || !visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      const ann = el.closest('g.annotation');
      texts.push({
        text, role: info(el).role || 'other', cls: el.getAttribute('class') || '', element, clip: info(el).clip,
        annotation: ann ? parseInt(ann.getAttribute('data-index'), 10) : null,
        box: [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top],
      });
    }
  }
  const s = gd._fullLayout._size;
  return {plot: [s.l, s.t, s.l + s.w, s.t + s.h], texts};
};
"""


class Probe:
    """One headless Chromium page with plotly.js loaded, rendering figures one after another.

    ``Probe()`` starts its own Playwright; ``Probe(playwright=pw)`` launches a Chromium from a running
    one; ``Probe(browser=b)`` opens its page in a browser someone else launched (and leaves it open).
    ``scale`` is the device pixel ratio of screenshots (2: an 800×450 figure gives a 1600×900 PNG).
    """

    def __init__(self, *, browser=None, playwright=None, scale: float = 2, executable_path: str = CHROMIUM):
        self._browser, self._playwright, self.scale, self.executable_path = browser, playwright, scale, executable_path
        self._own_playwright = self._own_browser = None
        self._context = self.page = None
        self._viewport = (1600, 1600)

    def open(self) -> Probe:
        browser = self._browser
        if browser is None:
            pw = self._playwright
            if pw is None:
                from playwright.sync_api import sync_playwright

                pw = self._own_playwright = sync_playwright().start()
            browser = self._own_browser = pw.chromium.launch(
                executable_path=self.executable_path, args=CHROMIUM_ARGS, headless=True)
        w, h = self._viewport
        self._context = browser.new_context(viewport={"width": w, "height": h}, device_scale_factor=self.scale)
        self.page = self._context.new_page()
        self.page.set_content(PAGE)
        self.page.add_script_tag(content=get_plotlyjs())
        self.page.add_script_tag(content=RENDER)
        return self

    def close(self) -> None:
        for thing, method in ((self._context, "close"), (self._own_browser, "close"), (self._own_playwright, "stop")):
            if thing is not None:
                getattr(thing, method)()
        self._context = self.page = self._own_browser = self._own_playwright = None

    def __enter__(self) -> Probe:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def measure(self, fig: go.Figure, width: int, height: int) -> Measure:
        """Draw ``fig`` at width×height CSS px (whatever its layout says) and read its text back."""
        if self.page is None:
            raise RuntimeError("the probe is not open: use `with Probe() as probe:` or probe.open()")
        fig = fig if isinstance(fig, go.Figure) else go.Figure(fig)
        vw, vh = self._viewport
        if width > vw or height > vh:
            self._viewport = (max(vw, width), max(vh, height))
            self.page.set_viewport_size({"width": self._viewport[0], "height": self._viewport[1]})
        raw = self.page.evaluate("([json, w, h]) => window.__probe(json, w, h)", [pio.to_json(fig), width, height])
        names = [a.name for a in fig.layout.annotations]
        texts, hidden = [], []
        for t in raw["texts"]:
            index, box = t["annotation"], Box(*t["box"])
            shown = box.intersect(Box(*t["clip"])) if t["clip"] else box
            text = Text(text=t["text"], role=t["role"], box=shown or box, annotation=index,
                        name=names[index] if index is not None and index < len(names) else None,
                        element=t["element"], cls=t["cls"], full=None if shown == box else box)
            (texts if shown else hidden).append(text)
        annotations = []
        for i, name in enumerate(names):
            drawn = [t for t in texts if t.annotation == i]
            box = None
            if drawn:
                box = Box(min(t.box.x0 for t in drawn), min(t.box.y0 for t in drawn),
                          max(t.box.x1 for t in drawn), max(t.box.y1 for t in drawn))
            annotations.append(Annotated(i, name, box, "\n".join(t.text for t in drawn)))
        return Measure(size=(width, height), plot=Box(*raw["plot"]), texts=tuple(texts),
                       annotations=tuple(annotations), hidden=tuple(hidden))

    def screenshot(self, fig: go.Figure, width: int, height: int, path: str | Path) -> Measure:
        """Write a PNG of ``fig`` drawn at width×height (times ``scale`` in pixels); returns its measure."""
        m = self.measure(fig, width, height)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), clip={"x": 0, "y": 0, "width": width, "height": height})
        return m


def problems(m: Measure, *, header: str | None = "header", max_header_share: float = 0.25,
             min_plot_share: float = 0.55, tolerance: float = 1.0) -> list[str]:
    """Everything wrong with the measured layout, one sentence each (an empty list: nothing).

    - two texts whose boxes reach more than ``tolerance`` px into each other along both axes;
    - a text that leaves the picture by more than ``tolerance`` px;
    - a text that a clip-path cuts by more than ``tolerance`` px (a label sticking out of the plot area, a
      legend entry half out of the legend's box), or hides entirely, unless it is a point's label (plotly
      clips the labels of points outside the axis range on purpose);
    - the annotation(s) named ``header`` missing, or ending below ``max_header_share`` of the height
      (``header=None``: no header check);
    - a plot area lower than ``min_plot_share`` of the height.
    """
    width, height = m.size
    found = []
    texts = m.texts
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if a.element == b.element:
                continue
            dx, dy = a.box.overlap(b.box)
            if dx > tolerance and dy > tolerance:
                found.append(f"overlap: {a.describe()} and {b.describe()} share {dx:.0f}×{dy:.0f} px")
    for t in texts:
        out = {"left": -t.box.x0, "top": -t.box.y0, "right": t.box.x1 - width, "bottom": t.box.y1 - height}
        cut = [f"{edge} by {by:.0f} px" for edge, by in out.items() if by > tolerance]
        if cut:
            found.append(f"clipped: {t.describe()} leaves the {width}×{height} picture at the {', '.join(cut)}")
        cut = [f"{side} by {by:.0f} px" for side, by in t.cut().items() if by > tolerance]
        if cut:
            found.append(f"cut: {t.describe()} is cut off by {_clipper(t)} at the {', '.join(cut)}")
    for t in m.hidden:
        if t.role != "point-text":
            found.append(f"hidden: {t.describe()} lies wholly outside {_clipper(t)}")
    if header is not None:
        named = m.named(header)
        boxes = [a.box for a in named if a.box is not None]
        if not named:
            found.append(f"header missing: no annotation is named {header!r}")
        elif not boxes:
            found.append(f"header missing: the annotation named {header!r} has no visible text")
        else:
            bottom = max(b.y1 for b in boxes)
            if bottom > max_header_share * height:
                found.append(f"header too tall: {header!r} ends at y={bottom:.0f}, {bottom / height:.0%} of the "
                             f"{height} px height (at most {max_header_share:.0%}, y={max_header_share * height:.0f})")
    if m.plot.height < min_plot_share * height:
        found.append(f"plot area too small: {m.plot.height:.0f} px high, {m.plot.height / height:.0%} of the "
                     f"{height} px height (at least {min_plot_share:.0%}, {min_plot_share * height:.0f} px)")
    return found


def _clipper(t: Text) -> str:
    return {"legend": "the legend's box", "point-text": "the plot area"}.get(t.role, "its clip-path")
