"""The dashboard's view state: everything a reader chose, and its round trip through the URL.

Every URL parameter is declared once, in :data:`PARAMS` (name, the view field it sets, how it is read,
its default, how it is written, which pages read it), as datasette declares its settings. Defaults come
from the data (:class:`Choices`), not from the code: a view opened without dates shows the whole war in
the data. :func:`parse_view` reads URL parameters (as ``st.query_params`` gives them: a mapping of name →
list of strings) into a :class:`View`; any value that is unknown, malformed, out of range, reversed,
repeated or huge gives the default or the nearest valid value and a :class:`Notice`, never an exception.
:func:`view_params` writes a view back; dates, steps and sets always explicitly, so that a shared link
shows the same view after the data grows. Nothing here knows Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from pricewar import i18n, schema
from pricewar.history import default_model, model_names
from pricewar.load import Dataset
from pricewar.pages import PAGES  # declared where app.py reads it before anything heavy is imported
from pricewar.story import steps
from pricewar.trend import set_choices

MAX_PARAM_CHARS = 200  # a longer value is not looked at
MAX_VENDORS = 40
CONDITIONS = ("standard", "all")
"""What the charts draw of prices sold under conditions: each model's standard price (its smallest input
band; peak or all-day) or, as series of their own, every band and off-peak hour too."""


@dataclass(frozen=True)
class View:
    """What a reader chose. Dates are concrete days; ``""`` in ``event``, ``ref``, ``step`` and ``set``
    means the data's own default (the most important event, the dearest model that day, the first story
    step, the first decline-rate set). Build one with :meth:`Choices.default`."""

    start: date
    end: date
    at: date  # comparison: prices on this date
    before: date  # comparison: the before → after window
    after: date
    lang: str = i18n.DEFAULT_LANG
    vendors: tuple[str, ...] = ()  # empty = every vendor
    currency: str = schema.CURRENCIES[0]
    kind: str = schema.SERIES_KINDS[0]
    conditions: str = CONDITIONS[0]  # "standard": each model's standard price; "all": every band and hour
    event: str = ""  # timeline: the selected event's id
    ref: str = ""  # comparison: the reference model of the ratio table
    step: str = ""  # story: the id of the step's event
    set: str = ""  # decline rate: the set of models
    model: str = ""  # a model's page: the model, by name ("" = the war's opening model)
    highlight: tuple[str, ...] = ()  # models drawn in colour and named (empty: the default rule)
    chart: str = ""  # the chart the journalist's words are for ("" = the page's first chart)
    headline: str = ""  # the journalist's own words for that chart; empty = the computed ones
    subtitle: str = ""
    note: str = ""
    byline: str = ""
    embed: bool = False

    def with_(self, **changes) -> View:
        return replace(self, **changes)


@dataclass(frozen=True)
class Choices:
    """What the data allows, and the defaults it implies."""

    vendors: frozenset[str]
    first: date
    last: date
    events: frozenset[str] = frozenset()
    models: frozenset[str] = frozenset()
    steps: tuple[str, ...] = ()
    sets: tuple[str, ...] = ("all",)
    opening: date | None = None  # the story's first step: where the before → after window starts by default
    names: tuple[str, ...] = ()  # every priced model by name, for its own page
    first_model: str = ""  # the model page's default: the model the war opened with

    @classmethod
    def of(cls, data: Dataset) -> Choices:
        story = steps(data.events)
        return cls(
            vendors=frozenset(data.vendors["id"]),
            first=data.first.date(),
            last=data.last.date(),
            events=frozenset(data.events["id"]),
            models=data.model_labels,
            steps=tuple(story["id"]),
            sets=tuple(set_choices(data)),
            opening=story["date"].iloc[0].date() if len(story) else None,
            names=model_names(data),
            first_model=default_model(data),
        )

    def default(self) -> View:
        """The view of a link without parameters: the whole war in the data, every vendor."""
        return View(**{p.field: p.default(self) for p in PARAMS})


@dataclass(frozen=True)
class Notice:
    """A URL parameter that was not used as given, and what was shown instead (never an exception)."""

    param: str
    value: str
    reason: str = "invalid"  # invalid | unknown | repeated | outside | reversed
    used: str = ""  # what is shown instead ("" = ignored)


def _date_param(v: str, c: Choices) -> tuple[date | None, str | None]:
    try:
        d = date.fromisoformat(v)
    except ValueError:
        return None, "invalid"
    if len(v) != 10:
        return None, "invalid"
    if d < c.first:
        return c.first, "outside"
    if d > c.last:
        return c.last, "outside"
    return d, None


def _one_of(values: Callable[[Choices], Iterable[str]], fold: Callable[[str], str] = lambda v: v):
    def parse(v: str, c: Choices) -> tuple[str | None, str | None]:
        allowed = tuple(values(c))
        return (fold(v), None) if fold(v) in allowed else (None, "invalid")
    return parse


def _step(v: str, c: Choices) -> tuple[str | None, str | None]:
    """A step by its event id; a number (the step's position, as older links give it) still works."""
    if v in c.steps:
        return v, None
    if v.isdigit() and c.steps:
        n = int(v[:6])
        return c.steps[min(max(n, 1), len(c.steps)) - 1], None if 1 <= n <= len(c.steps) else "outside"
    return None, "invalid"


def _model(v: str, c: Choices) -> tuple[str | None, str | None]:
    """A model by its name as the data spells it; another spelling of it (case, spaces, a tier after the
    name: "doubao-pro 32k") finds it too."""
    if v in c.names:
        return v, None
    folded = " ".join(v.split()).casefold()
    by_fold = {n.casefold(): n for n in c.names}
    if folded in by_fold:
        return by_fold[folded], None
    head = folded.rsplit(" ", 1)[0]
    return (by_fold[head], None) if " " in folded and head in by_fold else (None, "invalid")


WORDS = {"headline": 100, "subtitle": 160, "note": 200, "byline": 60}
"""The journalist's own words for a chart, and the most characters each may have."""
CHART_PAGES = {"prices": ("prices",), "story": ("story",), "timeline": ("timeline",),
               "compare": ("ranking", "before-after"), "model": ("model",), "trend": ("trend",)}
"""The charts of each page, first the one a page's words go to by default."""


def _words(limit: int):
    """Plain text of at most ``limit`` characters: control characters and runs of spaces become one space;
    longer text is cut (and noticed)."""
    def parse(v: str, c: Choices) -> tuple[str | None, str | None]:
        text = " ".join("".join(ch if ch.isprintable() else " " for ch in v).split())
        return (text[:limit], "outside") if len(text) > limit else (text, None)
    return parse


def _bool(v: str, c: Choices) -> tuple[bool | None, str | None]:
    low = v.lower()
    return (low in ("true", "1"), None) if low in ("true", "1", "false", "0") else (None, "invalid")


@dataclass(frozen=True)
class Param:
    """One URL parameter: ``?name=value`` sets ``View.<field>``."""

    name: str
    field: str
    parse: Callable[[str, Choices], tuple[object, str | None]]  # → (value or None if unusable, reason)
    default: Callable[[Choices], object]
    write: Callable[[object], str] = str
    pages: tuple[str, ...] = PAGES  # the pages that read it (and write it into their links)
    explicit: bool = False  # written even when it is the default: the default moves as the data grows
    many: bool = False  # repeated (?vendor=a&vendor=b)
    ordered: bool = False  # a repeated parameter whose order means something (the highlight's colours)


def _iso(d: object) -> str:
    return d.isoformat()  # type: ignore[attr-defined]


PARAMS: tuple[Param, ...] = (
    Param("lang", "lang", _one_of(lambda c: i18n.LANGS), lambda c: i18n.DEFAULT_LANG),
    Param("vendor", "vendors", _one_of(lambda c: c.vendors), lambda c: (), many=True),
    Param("from", "start", _date_param, lambda c: c.first, _iso, ("timeline", "prices", "story", "data"), True),
    Param("to", "end", _date_param, lambda c: c.last, _iso, ("timeline", "prices", "story", "data"), True),
    Param("currency", "currency", _one_of(lambda c: schema.CURRENCIES, str.upper), lambda c: schema.CURRENCIES[0],
          pages=("prices", "story", "compare", "model", "trend", "data")),
    Param("kind", "kind", _one_of(lambda c: schema.SERIES_KINDS), lambda c: schema.SERIES_KINDS[0],
          pages=("prices", "story", "compare", "trend", "data")),
    Param("conditions", "conditions", _one_of(lambda c: CONDITIONS), lambda c: CONDITIONS[0],
          pages=("prices", "story", "compare")),
    Param("event", "event", _one_of(lambda c: c.events), lambda c: "", pages=("timeline",)),
    Param("at", "at", _date_param, lambda c: c.last, _iso, ("compare",), True),
    # before → after opens on the story's first step (the war's opening move): a window from the data's
    # first day would find almost every model "first priced in the window"
    Param("before", "before", _date_param, lambda c: c.opening or c.first, _iso, ("compare",), True),
    Param("after", "after", _date_param, lambda c: c.last, _iso, ("compare",), True),
    Param("ref", "ref", _one_of(lambda c: c.models), lambda c: "", pages=("compare",)),
    Param("step", "step", _step, lambda c: c.steps[0] if c.steps else "", pages=("story",), explicit=True),
    Param("set", "set", _one_of(lambda c: c.sets), lambda c: c.sets[0] if c.sets else "", pages=("trend",),
          explicit=True),
    Param("model", "model", _model, lambda c: c.first_model, pages=("model",), explicit=True),
    Param("highlight", "highlight", _one_of(lambda c: c.models), lambda c: (), many=True,
          pages=("prices", "compare"), ordered=True),
    Param("chart", "chart", _one_of(lambda c: [n for names in CHART_PAGES.values() for n in names]), lambda c: "",
          pages=tuple(CHART_PAGES)),
    *(Param(name, name, _words(limit), lambda c: "", pages=tuple(CHART_PAGES)) for name, limit in WORDS.items()),
    Param("embed", "embed", _bool, lambda c: False, lambda v: "true" if v else "", pages=()),
)
"""Every URL parameter, once. Its vocabulary comes from :mod:`pricewar.schema` or from the data."""

BY_NAME = {p.name: p for p in PARAMS}
BY_FIELD = {p.field: p for p in PARAMS}
RANGES = (("from", "to"), ("before", "after"))  # a reversed pair is swapped


def _values(params: Mapping[str, object], name: str) -> list[str]:
    raw = params.get(name, [])
    values = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else [raw]
    return [str(v) for v in values]


def _shown(param: Param, value: object) -> str:
    if param.many:
        return ", ".join(param.write(v) for v in value)  # type: ignore[union-attr]
    return param.write(value)


def parse_view(params: Mapping[str, object], choices: Choices) -> tuple[View, list[Notice]]:
    """A view from URL parameters, and a :class:`Notice` for every parameter not used as given."""
    notices: list[Notice] = []
    changes: dict[str, object] = {}
    for name in params:
        if name not in BY_NAME:
            notices.append(Notice(name[:40], ", ".join(_values(params, name))[:40], "unknown"))
    for p in PARAMS:
        values = _values(params, p.name)
        if not values:
            continue
        default = p.default(choices)
        if p.many:
            good = []
            for v in dict.fromkeys(values):
                value, reason = p.parse(v, choices) if len(v) <= MAX_PARAM_CHARS else (None, "invalid")
                if value is None:
                    notices.append(Notice(p.name, v[:40], reason or "invalid"))
                elif len(good) < MAX_VENDORS:
                    good.append(value)
            changes[p.field] = tuple(good) if p.ordered else tuple(sorted(good))
            continue
        if len(values) > 1:
            notices.append(Notice(p.name, ", ".join(v[:20] for v in values[:3]), "repeated", values[-1][:40]))
        raw = values[-1]
        value, reason = p.parse(raw, choices) if len(raw) <= MAX_PARAM_CHARS else (None, "invalid")
        used = default if value is None else value
        if reason is not None:
            notices.append(Notice(p.name, raw[:40] + ("…" if len(raw) > 40 else ""), reason, _shown(p, used)))
        changes[p.field] = used
    view = choices.default().with_(**changes)
    for low, high in RANGES:
        a, b = BY_NAME[low].field, BY_NAME[high].field
        if getattr(view, a) > getattr(view, b):
            notices.append(Notice(low, f"{getattr(view, a)} > {getattr(view, b)}", "reversed",
                                  f"{getattr(view, b)} – {getattr(view, a)}"))
            view = view.with_(**{a: getattr(view, b), b: getattr(view, a)})
    return view, notices


def view_params(view: View, choices: Choices, page: str | None = None) -> dict[str, str | list[str]]:
    """The URL parameters of ``view`` for ``page`` (every page's when ``None``), in :data:`PARAMS` order:
    explicit parameters always, the others when they differ from the default."""
    out: dict[str, str | list[str]] = {}
    for p in PARAMS:
        if page is not None and page not in p.pages:
            continue
        value = getattr(view, p.field)
        if p.explicit or value != p.default(choices):
            if p.many:
                if value:
                    out[p.name] = [p.write(v) for v in value]
            elif (text := p.write(value)) != "":
                out[p.name] = text
    return out


def reads(page: str) -> frozenset[str]:
    """The view fields ``page`` reads (what its controls show and its links carry)."""
    return frozenset(p.field for p in PARAMS if page in p.pages)


def notice_text(notices: Iterable[Notice], lang: str) -> str:
    """One short sentence listing the parameters not used as given and what is shown instead (plain text;
    escape before Markdown)."""
    items = [f"{n.param}={n.value} → {n.used or i18n.t('param_ignored', lang)}" for n in notices]
    return i18n.t("bad_params", lang, items="; ".join(items)) if items else ""

