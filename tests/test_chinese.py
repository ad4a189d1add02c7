"""Chinese mode is Chinese (issue 15, point 2): every page of the dashboard, rendered in 中文 on the shipped data
in the views that reach its awkward text, shows no English word a Chinese reader was not meant to read.

What the reader sees is collected from AppTest's element tree: every string field of every element's proto
(titles, Markdown, captions, alerts, toasts, expander labels, widget labels, options, shown values, help texts,
placeholders, button labels …), the headers and text cells of every table, the text of every plotly figure
(annotations, titles, tick and category labels, trace names, hover texts and templates, text arrays, and dates
plotly would format with English month names), and the navigation's page titles. HTML tags and scripts, links
and Markdown escapes are taken out, and the rest is cut into English words: runs of two or more ASCII letters,
a snake_case identifier such as ``per_1m_tokens`` as one word.

A word is allowed when the data holds it:

- names, anywhere and in any case (``gpt-3.5-turbo`` is GPT-3.5 Turbo): model names and tiers (prices, events'
  ``models``, classes, claims), vendor ids and both vendor names;
- source ids, taken out whole as citations print them; set as code, event ids (```minicpm-free```) and the
  data files' field names (```note```);
- a text of the data — a ``quote`` (the source's own words, in any language), a source's ``title``, every ``zh``
  text (outlets, authors, who said it, notes, disputes …: a Chinese text that carries a product name or an
  English quotation carries it legitimately) — allows its words where it is shown: as a run of at least three
  of its words in their order (all of them when it has fewer). A Chinese note quoting "for the third time in
  the past year" does not make "the" or "time" Chinese anywhere else.

:data:`HAND` adds the few words a Chinese text legitimately carries that the data does not hold.

The event card's expander that shows the event in the other language (labelled "English") is left out on
purpose: it is the English text, offered as such; its label is checked.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from pricewar import i18n
from pricewar.load import SHIPPED_DATA
from pricewar.view import PAGES, PARAMS, Choices

APP = "../app.py"  # AppTest resolves it from this file's folder
LANG = "zh"
XFAIL = pytest.mark.xfail(strict=True, reason="issue 15 point 2: English left in Chinese mode")
FAILING_TODAY: set[str] = set()  # pages that still show English in Chinese mode (strict: remove when fixed)
MAX_LINES = 300  # of a failure message

HAND = {
    # units and currencies as Chinese price texts print them ("每百万 tokens", "US$"; codes in stated prices)
    "tokens", "token", "Tokens", "Token", "USD", "CNY", "US",
    # abbreviations Chinese text uses as they are
    "API", "AI", "LLM", "ID", "URL",
    # file formats named on buttons and in the export's progress text
    "PNG", "SVG", "CSV", "HTML", "zip",
    # the exchange-rate series the credit line names (美联储 FRED 月均汇率)
    "FRED",
    # the product's own name, as its credit line prints it ("pricewar 数据 2026.12.1")
    "pricewar",
    # the browser the server needs for image files, named in the notice when it is missing
    "Chromium",
    # the language switch is labelled in both languages (语言 / Language), so that an English reader who
    # lands on the Chinese default page can find it
    "Language",
    # names the About page cites that have no row in the data: Artificial Analysis (whose 3:1 blend the method
    # follows), Microsoft's Build conference and Azure (GPT-4o on Azure), Gemini Ultra, o1-preview
    "Artificial", "Analysis", "Build", "Azure", "Ultra", "preview",
}
"""Words a Chinese text legitimately carries that the data does not hold. Keep it short; say why for each."""


# --- the allowlist, from the data -------------------------------------------------------------------------------
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[A-Za-z]{2,}")
"""An English word: a snake_case identifier whole (``per_1m_tokens``), else a run of two or more ASCII letters."""
RUN = 3  # a text's words are allowed where at least this many of them (all, when it has fewer) appear in order


def words(text: str) -> list[str]:
    return WORD.findall(text)


def _blank(pattern: re.Pattern, text: str) -> str:
    """``text`` with every match of ``pattern`` blanked out, keeping every other character where it was."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


@dataclass
class Allow:
    words: set[str] = field(default_factory=set)  # allowed anywhere
    names: set[str] = field(default_factory=set)  # allowed anywhere, in any case (gpt-3.5-turbo is GPT-3.5 Turbo)
    runs: dict[int, set[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(set))  # allowed in order
    ids: re.Pattern = re.compile(r"(?!)")  # source ids; event ids and field names as code: taken out whole
    id_list: tuple[str, ...] = ()

    def add_text(self, text: str) -> None:
        ws = words(_blank(self.ids, visible(text)))
        n = min(RUN, len(ws))
        for i in range(len(ws) - n + 1) if n else ():
            self.runs[n].add(tuple(ws[i:i + n]))


def _zh_texts(node) -> Iterator[str]:
    """Every ``zh`` text of a YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "zh" and isinstance(value, str):
                yield value
            else:
                yield from _zh_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _zh_texts(item)


def _values(node, keys: set[str]) -> Iterator[str]:
    """The strings (or lists of strings) under any of ``keys``, anywhere in a YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, str):
                yield value
            elif key in keys and isinstance(value, list) and all(isinstance(v, str) for v in value):
                yield from value
            else:
                yield from _values(value, keys)
    elif isinstance(node, list):
        for item in node:
            yield from _values(item, keys)


def _keys(node) -> Iterator[str]:
    """Every mapping key of a YAML tree: the data files' own field names."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item)


def build_allow(data: Path) -> Allow:
    allow = Allow()
    names: list[str] = []  # allowed word by word, anywhere
    texts: list[str] = []  # allowed where shown
    trees = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) or {} for p in sorted(data.glob("*.yaml"))}
    files = {p.stem: p.read_text(encoding="utf-8").splitlines() for p in sorted(data.glob("*.csv"))}
    tables = {name: list(csv.DictReader(lines)) for name, lines in files.items()}
    columns = {c for lines in files.values() for c in next(csv.reader(lines), [])}
    for row in tables.get("prices", []):
        names += [row["model"], row["tier"], row["vendor"]]
        texts.append(row["quote"])
    for row in tables.get("vendors", []):
        names += [row["id"], row["name_zh"], row["name_en"]]
    for rows in tables.values():
        texts += [v for row in rows for k, v in row.items() if k and k.endswith("_zh") and v]
    for tree in trees.values():
        texts += _zh_texts(tree)  # outlets, authors, who said it, notes, disputes, titles, summaries …
        texts += _values(tree, {"quote"})  # events' sources and claims: the source's own words
        names += _values(tree, {"model", "models", "tier"})  # events' models, classes, claims' a and b
    ids: set[str] = set()
    for source in trees.get("sources", {}).get("sources", []):
        ids.add(source["id"])
        texts.append(str(source.get("title", "")))  # as the source wrote it
    for name in names:
        allow.names.update(w.lower() for w in words(visible(name)))
    allow.words |= HAND | {w for name in i18n.LANG_NAMES.values() for w in words(name)}  # "English" names itself
    allow.id_list = tuple(sorted((i for i in ids if i), key=len, reverse=True))
    # set as code, an event's id (cited as sources are) and a field name of the data files (`note`) name the data
    code = {e["id"] for e in trees.get("events", {}).get("events", [])}
    code |= {k for tree in trees.values() for k in _keys(tree)} | columns
    allow.ids = re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, allow.id_list)) + r")(?![\w-])"
                           r"|`(?:" + "|".join(map(re.escape, sorted(code, key=len, reverse=True))) + r")`")
    for text in texts:
        allow.add_text(text)
    return allow


# --- what the reader sees -----------------------------------------------------------------------------------------
PLACEHOLDER = re.compile(r"%\{[^}]*\}|<extra>.*?</extra>")  # plotly's hovertemplate fields
CODE_BLOCK = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>")  # st.html's script: run, never shown
TAG = re.compile(r"</?[A-Za-z][^>]*>")
MD_LINK = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")  # the target of a Markdown link
URL = re.compile(r"(?i)(?:\b[a-z][a-z0-9+.-]*://|\bwww\.|\bmailto:)[!-~]*")
DIRECTIVE = re.compile(r":material/[a-z0-9_]+:|:[a-z]+(?:-[a-z]+)*(?=\[)")  # :material/icon: and :green-badge[…]
ESCAPED = re.compile(r"\\(.)")
LINK_PARAM = re.compile(r"\b(?:" + "|".join(re.escape(p.name) for p in PARAMS) + r")=[^\s;,→]*")
"""A notice echoes the link's own parameters as typed (``vendor=nosuch → 已忽略``): URL syntax, not words."""


def visible(text: str) -> str:
    """The text as a reader sees it: no HTML tags or entities, link targets, Markdown escapes or directives."""
    text = PLACEHOLDER.sub(" ", text)
    text = CODE_BLOCK.sub(" ", text)
    text = TAG.sub(" ", text)
    text = html.unescape(text)
    text = MD_LINK.sub("]", text)
    text = URL.sub(" ", text)
    text = DIRECTIVE.sub(" ", text)
    return ESCAPED.sub(r"\1", text)


@dataclass(frozen=True)
class Shown:
    where: str  # which element, which field
    text: str


SKIP = {
    "id", "form_id", "key", "uuid", "source_id", "element_id", "query_param_key", "page_script_hash",  # ids
    "icon", "content_icon", "type", "tag", "anchor", "divider", "format", "language", "engine", "theme", "styles",
    "shortcut", "autocomplete", "file_type", "validate_regex", "selection_mode", "selection_default",
    "selection_state", "column_order", "default", "min", "max",  # how it looks and behaves; defaults are values
    "url", "src", "link", "page", "query_string", "deferred_file_id",  # where a link or a file goes
    "spec", "config", "columns", "arrow_data", "data", "json", "json_args", "component_name", "css_content",
    "css_source_path", "js_content", "js_source_path", "html_content", "mapbox_token",  # read apart, or code
    "message", "stack_trace",  # an exception: reported as one
}
"""Proto fields that are no reader's text (ids, icons, types, formats, a header's anchor in the URL, link targets,
code), or that are read apart (a table's data and column labels, a figure's spec)."""
OTHER_LANGUAGE = i18n.STRINGS.get("card_other_lang", {}).get(LANG, "English")  # the event card's other language


def _strings(msg: Message, path: str = "") -> Iterator[tuple[str, str]]:
    for fd, value in msg.ListFields():
        if fd.name in SKIP:
            continue
        for item in value if hasattr(value, "append") else [value]:  # a repeated field, or one value
            if isinstance(item, Message):
                yield from _strings(item, f"{path}.{fd.name}")
            elif isinstance(item, str) and item:
                yield f"{path}.{fd.name}".lstrip("."), item


def _table(node, where: str) -> Iterator[Shown]:
    """A dataframe's or table's column headers (as its column configuration labels them) and text cells."""
    config = json.loads(getattr(node.proto, "columns", "") or "{}")
    labels = {c: v["label"] for c, v in config.items() if isinstance(v, dict) and v.get("label")}
    hidden = {c for c, v in config.items() if isinstance(v, dict) and v.get("hidden")}
    df = node.value
    for col in df.columns:
        if str(col) in hidden:
            continue
        header = labels.get(str(col), str(col))
        yield Shown(f"{where} header", header)
        for i, v in enumerate(df[col]):
            if isinstance(v, str) and v:
                yield Shown(f"{where} column 「{header}」 row {i}", v)
    if "_index" not in hidden:
        yield from (Shown(f"{where} index row {i}", v) for i, v in enumerate(df.index) if isinstance(v, str) and v)


def _figure(fig: dict, where: str) -> Iterator[Shown]:
    """The text of a plotly figure a reader can see."""

    def walk(node, path: str, keys: set[str]) -> Iterator[Shown]:
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("template", "meta", "font", "customdata", "uid", "ids"):
                    continue
                if k in keys or (k == "title" and isinstance(v, str)):
                    for i, s in enumerate(v if isinstance(v, list) else [v]):
                        if isinstance(s, str) and s:
                            yield Shown(f"{where} {path}.{k}" + (f"[{i}]" if isinstance(v, list) else ""), s)
                elif isinstance(v, dict | list):
                    yield from walk(v, f"{path}.{k}", keys)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                yield from walk(item, f"{path}[{i}]", keys)

    # layout: annotations, titles, tick texts, category labels (the timeline's lanes), menu labels
    yield from walk(fig.get("layout", {}), "layout", {"text", "ticktext", "categoryarray", "label"})
    for n, trace in enumerate(fig.get("data", [])):
        # x and y: a category axis labels its ticks with them (dates and numbers hold no word)
        keys = {"name", "text", "hovertext", "hovertemplate", "texttemplate", "x", "y", "labels", "ticktext"}
        yield from walk(trace, f"data[{n}]", keys)
        templates = " ".join(str(trace.get(k, "")) for k in ("hovertemplate", "texttemplate"))
        if "customdata" in templates:  # shown only when a template prints it (the timeline keeps event ids in it)
            yield from walk({"customdata": trace.get("customdata")}, f"data[{n}]", {"customdata"})
    yield from _plotly_dates(fig, where)


ENGLISH_DATE = re.compile(r"%[bBaA]")  # month and weekday names: plotly's locale is English
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
PLOTLY_DATES = "Jan Feb Mar"  # what a reader sees where plotly formats a date itself


def _plotly_dates(fig: dict, where: str) -> Iterator[Shown]:
    """Dates plotly formats itself — tick labels without a format, hovers without one — are in English."""
    layout = fig.get("layout", {})
    traces = fig.get("data", [])
    for name, axis in layout.items():
        if not re.fullmatch(r"[xy]axis\d*", name) or not isinstance(axis, dict):
            continue
        letter, ref = name[0], name[0] + name[5:]
        on_axis = [t for t in traces if t.get(f"{letter}axis", letter) == ref]
        dated = axis.get("type") == "date" or (axis.get("type") in (None, "-") and any(
            isinstance(v, str) and ISO_DAY.match(v) for t in on_axis for v in (t.get(letter) or [])[:1]))
        if not dated:
            continue
        if not axis.get("ticktext") and ENGLISH_DATE.search(axis.get("tickformat") or "%b"):
            yield Shown(f"{where} layout.{name} tick labels", f"{PLOTLY_DATES} (plotly's own date ticks)")
        if not ENGLISH_DATE.search(axis.get("hoverformat") or "%b"):
            continue
        unified = letter == "x" and layout.get("hovermode") in ("x", "x unified")
        for n, t in enumerate(traces):
            if t not in on_axis:
                continue
            info = str(t.get("hoverinfo", "all"))
            template = t.get("hovertemplate")
            shows = (re.search(r"%\{" + letter + r"\}", template) if isinstance(template, str)
                     else info == "all" or letter in info.split("+") or (unified and info not in ("skip", "none")))
            if shows:
                yield Shown(f"{where} data[{n}] hover of {name}", f"{PLOTLY_DATES} (plotly's own date in the hover)")
    for n, t in enumerate(traces):
        for k in ("hovertemplate", "texttemplate", "xhoverformat", "yhoverformat"):
            if isinstance(t.get(k), str) and ENGLISH_DATE.search(t[k]):
                yield Shown(f"{where} data[{n}].{k}", f"{PLOTLY_DATES} (a date format with month or day names)")


def collect(at: AppTest) -> list[Shown]:
    """Everything the reader sees on the page AppTest rendered: main area, sidebar, toasts, navigation."""
    out: list[Shown] = []
    counts: dict[str, int] = defaultdict(int)

    def walk(node, path: str) -> None:
        kind = getattr(node, "type", type(node).__name__)
        label = ""
        if isinstance(getattr(node, "proto", None), Message):
            where = f"{path}{kind} #{counts[kind]}"
            counts[kind] += 1
            if kind == "plotly_chart":
                out.extend(_figure(json.loads(node.proto.spec), where))
            elif kind in ("dataframe", "table"):
                out.extend(_table(node, where))
            for name, text in _strings(node.proto):
                out.append(Shown(f"{where}.{name}", text))
                label = text if name == "label" else label
        if kind == "expander" and label == OTHER_LANGUAGE:
            return  # the event in the other language, offered as such
        for child in getattr(node, "children", {}).values():
            walk(child, f"{path}{kind}「{label[:12]}」 › " if label else path)

    walk(at._tree, "")  # the root: main, sidebar and the toasts' block
    for info in getattr(at, "_registered_pages", {}).values():  # the navigation's page titles
        if info.get("page_name"):
            out.append(Shown("navigation page title", info["page_name"]))
    return out


@dataclass(frozen=True)
class Finding:
    word: str
    where: str
    excerpt: str


def english(shown: Shown, allow: Allow) -> list[Finding]:
    """The English words of ``shown`` the allowlist does not allow, each with a short excerpt."""
    text = visible(shown.text)
    kept = _blank(allow.ids, _blank(LINK_PARAM, text))
    # a source id cut short where a long hover text is cut (figures.py cuts disputes at 200 characters)
    tail = re.search(r"[A-Za-z][\w.-]*-$", kept.rstrip())
    if tail and any(i.startswith(tail.group(0)) for i in allow.id_list):
        kept = kept[:tail.start()]
    found = list(WORD.finditer(kept))
    ok = [m.group(0) in allow.words or m.group(0).lower() in allow.names for m in found]
    seq = [m.group(0) for m in found]
    for n, runs in allow.runs.items():
        for i in range(len(seq) - n + 1):
            if tuple(seq[i:i + n]) in runs:
                ok[i:i + n] = [True] * n
    out = []
    for m, good in zip(found, ok, strict=True):
        if not good:
            a, b = max(0, m.start() - 30), m.end() + 30
            excerpt = ("…" if a else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")
            out.append(Finding(m.group(0), shown.where, excerpt))
    return out


def report(page: str, problems: dict[Finding, list[str]]) -> str:
    """One line per word and kind of place (the same table header in 28 cards is one line): how often, the views
    it was seen in, a short excerpt."""
    grouped: dict[tuple[str, str], list[tuple[Finding, list[str]]]] = defaultdict(list)
    for f, seen in problems.items():
        grouped[(f.word, re.sub(r" #\d+| row \d+|\[\d+\]", "", f.where))].append((f, seen))

    def natural(kv):  # column 2 before column 10
        return re.sub(r"\d+", lambda m: m.group(0).zfill(6), kv[0][1]), kv[0][0].lower()

    lines = [f"page {page}: {len({f.word for f in problems})} English words shown in Chinese mode "
             f"({len(problems)} places, {len(grouped)} kinds of place):"]
    for (word, where), items in sorted(grouped.items(), key=natural):
        seen = list(dict.fromkeys(v for _, views_ in items for v in views_))
        shown = ", ".join(seen[:3]) + (f" +{len(seen) - 3} more" if len(seen) > 3 else "")
        excerpts = list(dict.fromkeys(f.excerpt for f, _ in items))
        count = f" ×{len(items)}" if len(items) > 1 else ""
        lines.append(f"  {word!r}{count} in {where} [{shown}]: {excerpts[0]}"
                     + (f" (+{len(excerpts) - 1} other texts)" if len(excerpts) > 1 else ""))
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"  … and {len(lines) - MAX_LINES} more lines"]
    return "\n".join(lines)


# --- the views ------------------------------------------------------------------------------------------------------
def reads(page: str, name: str) -> bool:
    return any(p.name == name and page in p.pages for p in PARAMS)


def views(page: str, ds) -> list[tuple[str, dict]]:
    """The views of ``page`` that reach its awkward text: every event (by its link when it has a dispute or a note,
    the others chosen in the list, one session, to keep the run short), every story step and decline-rate set, a
    vendor filter, the other currency and kinds of price, a free reference model and the war's first weeks on the
    comparison, a filter that leaves nothing, a link with bad parameters, and on the claim checker every claim's
    price rows opened."""
    c = Choices.of(ds)
    out: list[tuple[str, dict]] = [("default", {})]
    out.append(("vendor=deepseek&vendor=openai", {"vendor": ["deepseek", "openai"]}))
    if reads(page, "currency"):
        out.append(("currency=USD", {"currency": "USD"}))
    if reads(page, "kind"):
        out += [(f"kind={k}", {"kind": k}) for k in ("output", "cache_hit", "blended")]
    if reads(page, "event"):
        ev = ds.events
        awkward = set(ev.loc[(ev["dispute_zh"] != "") | (ev["note_zh"] != "") | (ev["dispute_en"] != "")
                             | (ev["note_en"] != ""), "id"])
        out += [(f"event={e}", {"event": e}) for e in sorted(awkward)]
        out.append(("every other event, chosen in the list", {"_choose": sorted(c.events - awkward)}))
    if reads(page, "step"):
        out += [(f"step={s}", {"step": s}) for s in c.steps]
    if reads(page, "set"):
        out += [(f"set={s}", {"set": s}) for s in c.sets]
    if reads(page, "ref"):  # a free reference model: no ratio to give
        out.append(("ref=ERNIE Lite 8k", {"ref": "ERNIE Lite 8k"}))
    if reads(page, "before"):  # the war's first weeks: few models priced, none cut
        out.append(("at=before=2023-04-01&after=2023-07-01", {"at": "2023-04-01", "before": "2023-04-01",
                                                              "after": "2023-07-01"}))
    if reads(page, "highlight"):
        out.append(("highlight=GPT-4o&highlight=DeepSeek-V2", {"highlight": ["GPT-4o", "DeepSeek-V2"]}))
    if page == "model":
        out.append(("model=DeepSeek-V2", {"model": "DeepSeek-V2"}))
    out.append(("vendor=modelbest (no prices)", {"vendor": "modelbest"}))
    out.append(("bad link parameters", {"vendor": ["deepseek", "nosuch"], "currency": "EUR", "from": "2024-13-01"}))
    if page == "claims":
        out.append(("every claim's rows opened", {"_open": [claim.id for claim in ds.claims]}))
    return out


def render(page: str, query: dict, lang: str = LANG) -> Iterator[tuple[str, AppTest]]:
    """The page opened with the link ``query`` and every event card of the model page opened; then, for ``_open``,
    with every claim's price rows opened, and for ``_choose``, with each of these events chosen in the timeline's
    list (the name of each state says which)."""
    at = AppTest.from_file(APP, default_timeout=60)
    query = dict(query)
    opened, chosen = query.pop("_open", []), query.pop("_choose", [])
    for key, value in {"lang": lang, **query}.items():
        at.query_params[key] = value
    if page != PAGES[0]:
        at.switch_page(f"app_pages/{page}.py")
    at.run()
    cards = [k for k in at.session_state if str(k).startswith("event_")]  # the model page's event cards, all opened
    for key in cards:
        at.session_state[key] = True
    if cards:
        at.run()
    if opened:
        for claim in opened:
            at.session_state[f"rows_{claim}"] = True  # the reader opens the card's price rows
        at.run()
    if not chosen:
        yield "", at
    for event in chosen:
        (choose,) = [s for s in at.selectbox if s.label == i18n.t("choose_event", LANG)]
        yield f": {event}", choose.set_value(event).run()


@pytest.fixture(autouse=True)
def shipped_data(monkeypatch):
    monkeypatch.delenv("PRICEWAR_DATA", raising=False)


@pytest.fixture(scope="module")
def allow() -> Allow:
    return build_allow(SHIPPED_DATA)


# --- the tests ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("page", [pytest.param(p, marks=XFAIL) if p in FAILING_TODAY else p for p in PAGES])
def test_every_page_in_chinese_shows_no_english_word_outside_the_data(page, allow, ds):
    problems: dict[Finding, list[str]] = defaultdict(list)
    for view, query in views(page, ds):
        for state, at in render(page, query):
            name = view + state
            if at.exception:
                problems[Finding("(exception)", "the page", at.exception[0].message[:200])].append(name)
                continue
            for shown in collect(at):
                for finding in english(shown, allow):
                    if name not in problems[finding]:
                        problems[finding].append(name)
    assert not problems, report(page, problems)


@pytest.fixture
def deferred(monkeypatch) -> dict:
    """The files a download button makes when it is clicked, by file name: what the next AppTest runs
    registered (AppTest keeps them in a runtime it makes per run and does not expose)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made = {}
    register = MediaFileManager.add_deferred

    def kept(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", kept)
    return made


def test_the_data_pages_csv_has_a_chinese_header_row(allow, deferred):
    ((_, at),) = render("data", {})
    assert not at.exception
    csvs = [b for b in at.get("download_button") if b.proto.label.startswith("下载")]
    assert len(csvs) == 1 and csvs[0].proto.deferred_file_id, "the Data page offers one CSV, made when clicked"
    (name,) = [n for n in deferred if n.endswith(".csv")]
    content = deferred[name]()
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    problems = {f: ["default"] for i, cell in enumerate(header)
                for f in english(Shown(f"CSV header, column {i + 1}", cell), allow)}
    assert not problems, report("data (CSV download)", problems)
    assert content.startswith("\ufeff".encode()), "a byte-order mark, which spreadsheets need to read Chinese"
    assert len(list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))) == 1 + len(at.dataframe[0].value)


def test_switching_to_english_gives_english_page_titles_in_the_navigation_on_the_same_run():
    ((_, at),) = render("prices", {})
    pages = getattr(at, "_registered_pages", None)  # AppTest keeps st.navigation's pages; no public accessor
    if pages is None:
        pytest.skip("this Streamlit's AppTest does not keep the navigation's pages")
    titles = {i18n.t(f"page_{p}", LANG) for p in PAGES}
    assert {info["page_name"] for info in pages.values()} == titles
    at.sidebar.segmented_control(key="w_lang").set_value("en").run()
    assert at.title[0].value == i18n.t("page_prices", "en")
    english_titles = {info["page_name"] for info in at._registered_pages.values()}
    assert english_titles == {i18n.t(f"page_{p}", "en") for p in PAGES}
    assert not any(re.search(r"[\u3400-\u9fff]", t) for t in english_titles)


def test_the_check_sees_english_where_a_page_shows_it(allow):
    """The collection reaches every kind of element: in English, the same check finds words in the title, the
    sidebar's controls, the chart and a table, and the navigation (a collection that saw nothing would pass)."""
    found = set()
    for page in ("prices", "data"):
        ((_, at),) = render(page, {"vendor": "deepseek"}, lang="en")
        found |= {re.sub(r" #\d+.*| › .*|\[\d+\].*", "", f.where) for s in collect(at) for f in english(s, allow)}
    assert {"title", "multiselect", "plotly_chart", "dataframe", "navigation page title"} <= found, found
