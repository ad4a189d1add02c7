"""Typed records of the data files that are not tables: bilingual texts, claims, capability classes and
published decline rates. Validation (:mod:`pricewar.validate`) builds them; nothing else parses YAML."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Text:
    """A reader-facing text in both languages: ``text["zh"]``, ``text["en"]``. Empty when the data gives
    none (an optional note)."""

    zh: str = ""
    en: str = ""

    def __getitem__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def __bool__(self) -> bool:
        return bool(self.zh or self.en)


NO_TEXT = Text()


def model_label(model: str, tier: str) -> str:
    """How a model is named to readers and in claims and classes: "Doubao-pro 32k", "DeepSeek-V2"."""
    return f"{model} {tier}".strip()


@dataclass(frozen=True)
class ModelRef:
    """One model (and tier) a claim names; ``start``/``end`` when a change claim dates it on its own."""

    model: str
    tier: str = ""
    start: date | None = None
    end: date | None = None

    @property
    def label(self) -> str:
        return model_label(self.model, self.tier)


@dataclass(frozen=True)
class Baseline:
    """What a claim compares with: one model, or a set of models (their mean) with its name."""

    models: tuple[ModelRef, ...]
    label: Text = NO_TEXT

    def name(self, lang: str) -> str:
        return self.label[lang] or " + ".join(m.label for m in self.models)


@dataclass(frozen=True)
class Check:
    """A claim's machine-checkable definition (see data/README.md, ``claims.yaml``).

    ``b`` holds one baseline when the claim states it, several candidates when it does not. ``a`` holds
    several models for a mean (ratio, cheaper) or, for a change, several candidates."""

    type: str
    kinds: tuple[str, ...] = ("input",)
    a: tuple[ModelRef, ...] = ()
    b: tuple[Baseline, ...] = ()
    a_date: date | None = None
    b_date: date | None = None
    start: date | None = None
    end: date | None = None
    claimed: float | tuple[float, float] = 0.0
    currency: str = "CNY"
    model_class: str = ""
    bound: str = "about"  # or "at_least": the claimed figure or beyond it
    each: str = ""  # a change naming several subjects: "all" or "most" must hold
    reason: Text = NO_TEXT  # not_checkable: why prices cannot test it
    unstated: bool = False  # the baseline was given as a list of candidates

    @property
    def stated(self) -> bool:
        """Whether the claim names what it compares with (else each candidate is shown, no verdict)."""
        if self.each:
            return True
        return not self.unstated and len(self.b) <= 1 and not (self.type == "change" and len(self.a) > 1)


@dataclass(frozen=True)
class Claim:
    id: str
    source: str
    said_by: Text
    quote: str
    claim: Text
    check: Check
    note: Text = NO_TEXT
    line: int = 0

    @property
    def refs(self) -> tuple[ModelRef, ...]:
        """Every model the check names (subject and every baseline); none for market-wide claims."""
        return (*self.check.a, *(m for b in self.check.b for m in b.models))


@dataclass(frozen=True)
class ModelClass:
    """An editorial capability class for the decline rate: ``models`` are labels; empty = every model."""

    id: str
    name: Text
    models: tuple[str, ...]
    note: Text = NO_TEXT


@dataclass(frozen=True)
class PublishedRate:
    """A published figure of how fast prices fall, as a factor per year (10 = ten times cheaper)."""

    id: str
    source: str
    who: Text
    factor_low: float
    factor_high: float | None  # None: "at least factor_low", no upper bound
    headline: Text
    method: Text
    differs: Text  # how its method differs from the dataset's fit


@dataclass(frozen=True)
class Release:
    """The data's version and the day it speaks as of."""

    version: str
    as_of: date


@dataclass(frozen=True)
class Correction:
    """A change to a figure the dashboard published: when, which, the old and the new value, and why."""

    id: str
    date: date
    subject: Text
    old: Text
    new: Text
    why: Text
    sources: tuple[str, ...] = ()
