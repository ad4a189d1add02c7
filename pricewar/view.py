"""The dashboard's view state: everything a reader chose, and its round trip through the URL.

:func:`parse_view` reads URL parameters (as ``st.query_params`` gives them: a mapping of name → list of
strings) into a :class:`View`, falling back to the default for every bad or unknown value and saying so
in a :class:`Notice`; :func:`view_params` writes a view back as the shortest URL parameters (defaults
left out). Nothing here knows Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from pricewar import i18n

VIEW_KINDS = ("input", "output", "cache_hit", "blended")
CURRENCIES = ("CNY", "USD")
MAX_PARAM_CHARS = 200  # a longer value is not looked at
MAX_VENDORS = 40


@dataclass(frozen=True)
class View:
    lang: str = i18n.DEFAULT_LANG
    vendors: tuple[str, ...] = ()  # empty = every vendor
    start: date = date(2024, 1, 1)
    end: date = date(2025, 3, 31)
    currency: str = "CNY"
    kind: str = "input"
    event: str = ""  # timeline: the selected event's id
    at: date = date(2024, 6, 1)  # comparison: prices on this date
    before: date = date(2024, 5, 1)  # comparison: the before → after window
    after: date = date(2024, 6, 1)
    ref: str = "GPT-4 Turbo"  # comparison: the reference model of the ratio table
    step: int = 1  # story mode: the step shown (1 = the first)
    embed: bool = False

    def with_(self, **changes) -> View:
        return replace(self, **changes)


DEFAULT = View()


@dataclass(frozen=True)
class Notice:
    """A URL parameter that was not used, and why (shown to the reader, never an exception)."""

    param: str
    value: str
    reason: str = "invalid"  # invalid | unknown


@dataclass(frozen=True)
class Choices:
    """What the data allows: vendor ids, event ids, model labels and the date range of the data."""

    vendors: frozenset[str]
    events: frozenset[str] = frozenset()
    models: frozenset[str] = frozenset()
    first: date = date(2023, 1, 1)
    last: date = date(2025, 12, 31)
    extra: dict = field(default_factory=dict)


_PARAMS = ("lang", "vendor", "from", "to", "currency", "kind", "event", "at", "before", "after", "ref", "step",
           "embed")


def _values(params: Mapping[str, object], name: str) -> list[str]:
    raw = params.get(name, [])
    values = [raw] if isinstance(raw, str) else list(raw)
    return [str(v) for v in values]


def _date(text: str) -> date | None:
    try:
        d = date.fromisoformat(text)
    except ValueError:
        return None
    if len(text) != 10 or not (date(2000, 1, 1) <= d <= date(2100, 1, 1)):
        return None
    return d


def parse_view(params: Mapping[str, object], choices: Choices) -> tuple[View, list[Notice]]:
    """A view from URL parameters. Every parameter that is unknown, repeated where it must not be,
    too long, or not an allowed value is dropped with a :class:`Notice`; the view keeps the default."""
    notices: list[Notice] = []
    view = DEFAULT

    def one(name: str) -> str | None:
        values = _values(params, name)
        if not values:
            return None
        if len(values) > 1:
            notices.append(Notice(name, ", ".join(v[:20] for v in values[:3]), "repeated"))
        value = values[-1]
        if len(value) > MAX_PARAM_CHARS:
            notices.append(Notice(name, value[:20] + "…", "invalid"))
            return None
        return value

    for name in params:
        if name not in _PARAMS:
            notices.append(Notice(name, ", ".join(_values(params, name))[:40], "unknown"))

    if (v := one("lang")) is not None:
        if v in i18n.LANGS:
            view = view.with_(lang=v)
        else:
            notices.append(Notice("lang", v))
    vendors = _values(params, "vendor")
    good = [v for v in dict.fromkeys(vendors) if v in choices.vendors][:MAX_VENDORS]
    for bad in dict.fromkeys(v for v in vendors if v not in choices.vendors):
        notices.append(Notice("vendor", bad[:40]))
    view = view.with_(vendors=tuple(sorted(good)))
    for name, attr in (("from", "start"), ("to", "end"), ("at", "at"), ("before", "before"), ("after", "after")):
        if (v := one(name)) is not None:
            d = _date(v)
            if d is None:
                notices.append(Notice(name, v))
            else:
                view = view.with_(**{attr: d})
    if view.start > view.end:
        notices.append(Notice("from", f"{view.start} > {view.end}", "reversed"))
        view = view.with_(start=DEFAULT.start, end=DEFAULT.end)
    if view.before > view.after:
        notices.append(Notice("before", f"{view.before} > {view.after}", "reversed"))
        view = view.with_(before=DEFAULT.before, after=DEFAULT.after)
    if (v := one("currency")) is not None:
        if v.upper() in CURRENCIES:
            view = view.with_(currency=v.upper())
        else:
            notices.append(Notice("currency", v))
    if (v := one("kind")) is not None:
        if v in VIEW_KINDS:
            view = view.with_(kind=v)
        else:
            notices.append(Notice("kind", v))
    if (v := one("event")) is not None:
        if v in choices.events:
            view = view.with_(event=v)
        else:
            notices.append(Notice("event", v[:40]))
    if (v := one("ref")) is not None:
        if v in choices.models:
            view = view.with_(ref=v)
        else:
            notices.append(Notice("ref", v[:40]))
    if (v := one("step")) is not None:
        if v.isdigit() and 1 <= int(v) <= choices.extra.get("steps", 1000):
            view = view.with_(step=int(v))
        else:
            notices.append(Notice("step", v[:20]))
    if (v := one("embed")) is not None:
        if v.lower() in ("true", "1", "false", "0"):
            view = view.with_(embed=v.lower() in ("true", "1"))
        else:
            notices.append(Notice("embed", v))
    return view, notices


def view_params(view: View) -> dict[str, str | list[str]]:
    """The URL parameters of ``view``: only what differs from the default, in a stable order."""
    out: dict[str, str | list[str]] = {}
    pairs = [
        ("lang", view.lang, DEFAULT.lang),
        ("vendor", list(view.vendors), []),
        ("from", view.start.isoformat(), DEFAULT.start.isoformat()),
        ("to", view.end.isoformat(), DEFAULT.end.isoformat()),
        ("currency", view.currency, DEFAULT.currency),
        ("kind", view.kind, DEFAULT.kind),
        ("event", view.event, DEFAULT.event),
        ("at", view.at.isoformat(), DEFAULT.at.isoformat()),
        ("before", view.before.isoformat(), DEFAULT.before.isoformat()),
        ("after", view.after.isoformat(), DEFAULT.after.isoformat()),
        ("ref", view.ref, DEFAULT.ref),
        ("step", str(view.step), str(DEFAULT.step)),
        ("embed", "true" if view.embed else "", ""),
    ]
    for name, value, default in pairs:
        if value != default:
            out[name] = value
    return out


def notice_text(notices: Iterable[Notice], lang: str) -> str:
    """One short sentence listing the parameters that were ignored (plain text; escape before Markdown)."""
    items = [f"{n.param}={n.value}" for n in notices]
    return i18n.t("bad_params", lang, items="; ".join(items)) if items else ""
