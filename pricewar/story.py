"""Story mode: the key events of the price war as numbered steps (each drawn by :mod:`pricewar.charts` as a
price chart with the step's models highlighted, the rest grey, and its moment marked)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pricewar import i18n


def steps(events: pd.DataFrame) -> pd.DataFrame:
    """The story's steps in order: every important event (importance 2 or 3) from the first event of
    importance 3 on — the data's first shot of the war (DeepSeek-V2 in the shipped data). A step is known
    by its event's id, so adding events never changes what a step's link shows."""
    first = events.loc[events["importance"] >= 3, "date"].min()
    if pd.isna(first):
        first = events["date"].min()
    chosen = events[(events["importance"] >= 2) & (events["date"] >= first)]
    return chosen.sort_values(["date", "importance", "id"], ascending=[True, False, True]).reset_index(drop=True)


ACTS = ((None, "story_act_one"), (date(2025, 2, 26), "story_act_two"))
"""The story's acts: each begins on its day (the first act at the first step). The second begins with
DeepSeek's night-time discount, the first price sold by the hour: from cuts to tiers, time-of-day prices
and rises."""


def act(event: pd.Series, lang: str) -> str:
    """The title of the act a step belongs to: the last act begun on or before its event's day."""
    day = pd.Timestamp(event["date"]).date()
    key = [k for start, k in ACTS if start is None or day >= start][-1]
    return i18n.t(key, lang)


def act_steps(events: pd.DataFrame) -> dict[str, int]:
    """How many steps each act has (by its i18n key)."""
    story = steps(events)
    counts = {k: 0 for _, k in ACTS}
    for day in story["date"]:
        counts[[k for start, k in ACTS if start is None or day.date() >= start][-1]] += 1
    return counts


def step_title(event: pd.Series, lang: str, step: int, total: int) -> str:
    """ "Step 5 of 16: Baidu makes two ERNIE models free" — the title of a step's chart."""
    return i18n.t("story_step", lang, step=step, total=total, title=event[f"title_{lang}"])
