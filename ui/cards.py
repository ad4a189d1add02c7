"""The event card: both languages, every source's own words with its link, any dispute. Data text is shown
with Markdown escaped, so a quote or title can never become a link, an image or HTML."""

from __future__ import annotations

import streamlit as st

from pricewar import Dataset, i18n
from pricewar.charts import credits
from pricewar.safe import md
from pricewar.text import cited_in_words


def event_card(data: Dataset, event_id: str, lang: str) -> None:
    ev = data.events.set_index("id").loc[event_id]
    other = "en" if lang == "zh" else "zh"
    names = dict(zip(data.vendors["id"], data.vendors[f"name_{lang}"], strict=True))
    with st.container(border=True):
        st.subheader(md(ev[f"title_{lang}"]))
        facts = [f"**{i18n.t('card_when', lang)}** {ev['date']:%Y-%m-%d}"]
        if ev["effective"] == ev["effective"]:  # not NaT
            facts.append(f"**{i18n.t('card_effective', lang)}** {ev['effective']:%Y-%m-%d}")
        facts.append(f"**{i18n.t('card_type', lang)}** {i18n.t('type_' + ev['type'], lang)}")
        if ev["vendor"]:
            facts.append(md(names.get(ev["vendor"], ev["vendor"])))
        # few elements: each is a message and an update in the browser on every rerun of the page
        st.markdown(" · ".join(facts) + "\n\n" + md(ev[f"summary_{lang}"]))
        translation = st.expander(i18n.t("card_other_lang", lang), key=f"other_{event_id}", on_change="rerun")
        if translation.open:  # drawn when opened, as most readers never do
            translation.markdown(f"**{md(ev[f'title_{other}'])}**\n\n{md(ev[f'summary_{other}'])}")
        sources = data.sources.set_index("id")
        lines = [f"**{i18n.t('card_sources', lang)}**"]
        for row in data.event_sources[data.event_sources["event"] == event_id].itertuples():
            src = sources.loc[row.source]
            label = f"{md(src[f'title_{lang}'])} — {md(src[f'outlet_{lang}'])}"
            link = f"[{label}]({src['url']})" if src["url"] else f"{label} {i18n.t('no_link', lang)}"
            kind = i18n.t(f"source_kind_{src['kind']}", lang)
            lines += [f"- {link} · {kind} · `{row.source}`", "> " + md(row.quote)]
        st.markdown("\n\n".join(lines))
        named = credits(data, lang)  # a dispute or a note cites its sources by name, not by id
        if ev[f"dispute_{lang}"]:
            dispute = md(cited_in_words(ev[f"dispute_{lang}"], named, lang))
            st.warning(f"**{i18n.t('card_dispute', lang)}**{i18n.t('colon', lang)}{dispute}", icon=":material/error:")
        if ev[f"note_{lang}"]:
            note = md(cited_in_words(ev[f"note_{lang}"], named, lang))
            st.caption(f"{i18n.t('card_note', lang)}{i18n.t('colon', lang)}{note}")
