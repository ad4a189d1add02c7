"""Story mode: the key events of the price war as numbered steps, and the price chart of each step with
that moment highlighted and the rest dimmed."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

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


def highlight(fig: go.Figure, event: pd.Series) -> go.Figure:
    """Dim every line but the event's vendor's and mark the event's date (the chart is built with
    :func:`step_title` as its title)."""
    for trace in fig.data:
        meta = trace.meta or {}
        if "vendor" in meta:
            trace.opacity = 1.0 if meta["vendor"] == event["vendor"] else 0.15
            trace.showlegend = meta["vendor"] == event["vendor"]
        elif meta.get("role") == "disputed":
            trace.opacity = 0.3
    fig.add_shape(
        type="line",
        xref="x",
        yref="paper",
        x0=event["date"],
        x1=event["date"],
        y0=0,
        y1=1,
        line={"color": "#D55E00", "width": 3},
    )
    # the other event labels stay, greyed: the highlighted moment is the orange line
    for a in fig.layout.annotations:
        if a.name and a.name.startswith("event:"):
            a.font.color = "#D55E00" if a.name == f"event:{event['id']}" else "#bbb"
    return fig
