"""Decline rate: the cheapest price of a set of models over time, its fitted fall per year, and the published
estimates beside it."""

import pandas as pd
import streamlit as st

from pricewar import figures, i18n
from pricewar.select import value_column
from pricewar.trend import cheapest_over_time, fit, in_class
from ui.charts import figure, show, width_px
from ui.state import (
    claims_and_classes,
    claims_version,
    current_view,
    dataset,
    language,
    published_rates,
    sidebar,
    tables,
)

data = dataset(language())
series, _ = tables()
view = sidebar(data, current_view(data, series), dates=False)
lang = view.lang
_, classes = claims_and_classes(data, series, lang)
sets = {"all": i18n.t("trend_all", lang), "cn": i18n.t("trend_cn", lang), "us": i18n.t("trend_us", lang)}
sets |= {c["id"]: c["name"][lang] for c in classes if c["models"]}


def members(choice: str):
    if choice in ("cn", "us"):
        country = dict(zip(data.vendors["id"], data.vendors["country"], strict=True))
        return series[series["vendor"].map(country) == choice.upper()]
    models = next((c["models"] for c in classes if c["id"] == choice), None)
    return in_class(series, models) if models else series


@st.cache_resource(show_spinner=False, max_entries=200)
def decline(version: tuple, choice: str, kind: str, currency: str, vendors: tuple, _members):
    """(cheapest price over time, fitted rate) of a set, once per data version and choice, for every reader."""
    rows = _members()
    if vendors:
        rows = rows[rows["vendor"].isin(vendors)]
    points = cheapest_over_time(rows[rows["series"] == kind], value_column(currency))
    return points, fit(points)


if not view.embed:
    st.title(i18n.t("page_trend", lang))
    st.caption(i18n.t("trend_intro", lang))
choice = st.radio(
    i18n.t("trend_set", lang),
    list(sets),
    format_func=lambda k: sets[k],
    horizontal=True,
    key="w_trend_set",
    index=list(sets).index("gpt-4-class") if "gpt-4-class" in sets else 0,
    label_visibility="collapsed" if view.embed else "visible",
)
name = sets[choice]
points, result = decline(claims_version(), choice, view.kind, view.currency, view.vendors, lambda: members(choice))
chart = figure(
    "trend",
    view,
    lambda: figures.trend_chart(points, result, name, view, value=value_column(view.currency), width_px=width_px()),
    choice,
)
show(chart, f"trend-{choice}", view)

if not view.embed:
    st.subheader(i18n.t("published_heading", lang))
    rates = published_rates()
    rows = [
        {
            i18n.t("col_who", lang): i18n.t("this_fit", lang, set=name),
            i18n.t("col_rate", lang): f"{result['factor']:.0f}× ({result['low']:.0f}–{result['high']:.0f}×)"
            if result
            else "—",
            i18n.t("col_finding", lang): "",
            i18n.t("col_method", lang): i18n.t("trend_method", lang, n=result["n"] if result else 0),
        }
    ]
    for r in rates:
        rate = (
            f"{r['factor_low']}×" if r["factor_low"] == r["factor_high"] else f"{r['factor_low']}–{r['factor_high']}×"
        )
        rows.append(
            {
                i18n.t("col_who", lang): f"{r['who']} ({r['source']})",
                i18n.t("col_rate", lang): rate,
                i18n.t("col_finding", lang): r["headline"][lang],
                i18n.t("col_method", lang): r["method"][lang],
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
