"""Story mode: the key events of the price war as numbered steps (each drawn by :mod:`pricewar.charts` as a
price chart with the step's models highlighted, the rest grey, and its moment marked)."""

from __future__ import annotations

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


def step_title(event: pd.Series, lang: str, step: int, total: int) -> str:
    """ "Step 5 of 16: Baidu makes two ERNIE models free" — the title of a step's chart."""
    return i18n.t("story_step", lang, step=step, total=total, title=event[f"title_{lang}"])
