"""Reading the dashboard on a phone: a tap on a chart's marker selects it as a click does, and what a wide
table would push off a 390 px screen is laid out one block per row (the phone layout is
:func:`ui.charts.layout_size`'s, from the browser's user agent: Streamlit cannot ask the screen's width)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pricewar import i18n
from pricewar.safe import md
from ui import charts as ui_charts

# plotly selects, on a click, the point its last *hover* found (selectOnClick reads gd._hoverdata before
# Fx.click computes the hover of the click itself). A mouse hovers before it clicks; a finger does not, and
# plotly cancels the touch's mouse events: a tap selected nothing — or the marker tapped before it — so
# Streamlit, which hears plotly_selected and not plotly_click, never learnt of the tap. A mousemove where the
# finger lands gives the tap the hover a mouse would have made.
_TAP_SCRIPT = """<script>
(() => {
  if (window.__pricewarTapSelects) return;
  window.__pricewarTapSelects = true;
  document.addEventListener("touchstart", (event) => {
    if (event.touches.length !== 1 || !event.target.closest) return;
    const drag = event.target.closest(".js-plotly-plot .nsewdrag");
    if (!drag) return;
    const touch = event.touches[0];
    drag.dispatchEvent(new MouseEvent("mousemove", {
      bubbles: true, cancelable: true, view: window, clientX: touch.clientX, clientY: touch.clientY}));
  }, {capture: true, passive: true});
})();
</script>"""


def tap_selects() -> None:
    """Make a tap on a chart's marker select it, as a click does (for a chart drawn with ``on_select``).
    Touch screens only: a mouse never fires touch events."""
    st.html(_TAP_SCRIPT, unsafe_allow_javascript=True, width="content")


def ratio_blocks(table: pd.DataFrame, currency: str, lang: str) -> None:
    """The ratio table one bordered block per model — its name and ratio, its price, the sentence to quote
    (wrapped, with a copy button) and its sources —, for a screen too narrow for the table's columns."""
    per = i18n.t("col_converted", lang, cur=i18n.t(f"cur_{currency}", lang))
    colon = "：" if lang == "zh" else ": "
    for row in table.itertuples(index=False):
        with st.container(border=True):
            ratio = i18n.t("ratio_reference", lang) if row.model == row.reference else row.ratio
            st.markdown(f"**{md(row.model)}** · {md(ratio)}")
            if row.price:  # as the table gives it: four decimals at most, never in scientific notation
                st.caption(f"{md(per)}{colon}{md(f'{row.price:.4f}'.rstrip('0').rstrip('.'))}")
            if row.sentence:
                st.code(row.sentence, language=None, wrap_lines=True)
            if row.source:  # by name and date, as the chart's credit line names them
                st.caption(f"{md(i18n.t('col_sources', lang))}{colon}{md(row.source_names)}")


def table_columns(config: dict, keep: list[str], pin: str) -> dict:
    """``st.dataframe``'s column arguments for this reader: every column on a desktop; on a phone only
    ``keep`` (the columns a reader needs to read a row: the rest are in the CSV and on a desktop), with
    ``pin`` held in view while the others scroll sideways."""
    if ui_charts.layout_size() != "phone":
        return {"column_config": config}
    shown = dict(config)
    label = shown.get(pin)
    shown[pin] = st.column_config.Column(label, pinned=True) if isinstance(label, str) else {**label, "pinned": True}
    return {"column_config": shown, "column_order": keep}
