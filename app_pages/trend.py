"""Decline rate: the cheapest price of a set of models over time, its fitted fall per year, and the published
estimates beside it."""

import pandas as pd
import streamlit as st
import yaml

from pricewar import default_data_dir, figures, i18n
from pricewar.trend import cheapest_over_time, fit, in_class
from ui.charts import figure, show, width_px
from ui.state import claims_and_classes, current_view, dataset, language, sidebar, tables

data = dataset(language())
series, _ = tables()
view = sidebar(data, current_view(data, series), dates=False)
lang = view.lang
_, classes = claims_and_classes(data, series, lang)
country = dict(zip(data.vendors["id"], data.vendors["country"], strict=True))
sets = {
    "all": (i18n.t("trend_all", lang), series),
    "cn": (i18n.t("trend_cn", lang), series[series["vendor"].map(country) == "CN"]),
    "us": (i18n.t("trend_us", lang), series[series["vendor"].map(country) == "US"]),
}
for c in classes:
    if c["models"]:
        sets[c["id"]] = (c["name"][lang], in_class(series, c["models"]))

if not view.embed:
    st.title(i18n.t("page_trend", lang))
    st.caption(i18n.t("trend_intro", lang))
choice = st.radio(
    i18n.t("trend_set", lang),
    list(sets),
    format_func=lambda k: sets[k][0],
    horizontal=True,
    key="w_trend_set",
    index=list(sets).index("gpt-4-class") if "gpt-4-class" in sets else 0,
    label_visibility="collapsed" if view.embed else "visible",
)
name, members = sets[choice]
if view.vendors:
    members = members[members["vendor"].isin(view.vendors)]
column = "cny_per_1m" if view.currency == "CNY" else "usd_per_1m"
points = cheapest_over_time(members[members["series"] == view.kind], column)
result = fit(points)
chart = figure(
    "trend", view, lambda: figures.trend_chart(points, result, name, view, value=column, width_px=width_px()), choice
)
show(chart, f"trend-{choice}", view)

if not view.embed:
    st.subheader(i18n.t("published_heading", lang))
    rates = yaml.safe_load((default_data_dir() / "published_rates.yaml").read_text(encoding="utf-8"))["rates"]
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
