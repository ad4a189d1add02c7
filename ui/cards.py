"""The event card: both languages, every source's own words with its link, any dispute. Data text is shown
with Markdown escaped, so a quote or title can never become a link, an image or HTML."""

from __future__ import annotations

import streamlit as st

from pricewar import Dataset, i18n
from pricewar.charts import credits
from pricewar.safe import md
from pricewar.text import cited_in_words


@st.cache_resource(show_spinner=False, max_entries=400)
def _card(version: str, event_id: str, lang: str, _data: Dataset) -> dict[str, str]:
    """The card's texts, Markdown already escaped: made once per data version, event and language, for every
    reader (its sources' words and cited names are ~7 ms of work that a page's every rerun repeated)."""
    ev = _data.events.set_index("id").loc[event_id]
    other = "en" if lang == "zh" else "zh"
    names = dict(zip(_data.vendors["id"], _data.vendors[f"name_{lang}"], strict=True))
    facts = [f"**{i18n.t('card_when', lang)}** {ev['date']:%Y-%m-%d}"]
    if ev["effective"] == ev["effective"]:  # not NaT
        facts.append(f"**{i18n.t('card_effective', lang)}** {ev['effective']:%Y-%m-%d}")
    facts.append(f"**{i18n.t('card_type', lang)}** {i18n.t('type_' + ev['type'], lang)}")
    if ev["vendor"]:
        facts.append(md(names.get(ev["vendor"], ev["vendor"])))
    sources = _data.sources.set_index("id")
    lines = [f"**{i18n.t('card_sources', lang)}**"]
    for row in _data.event_sources[_data.event_sources["event"] == event_id].itertuples():
        src = sources.loc[row.source]
        label = f"{md(src[f'title_{lang}'])} — {md(src[f'outlet_{lang}'])}"
        link = f"[{label}]({src['url']})" if src["url"] else f"{label} {i18n.t('no_link', lang)}"
        kind = i18n.t(f"source_kind_{src['kind']}", lang)
        lines += [f"- {link} · {kind} · `{row.source}`", "> " + md(row.quote)]
    named = credits(_data, lang)  # a dispute or a note cites its sources by name, not by id
    dispute = md(cited_in_words(ev[f"dispute_{lang}"], named, lang)) if ev[f"dispute_{lang}"] else ""
    note = md(cited_in_words(ev[f"note_{lang}"], named, lang)) if ev[f"note_{lang}"] else ""
    return {
        "title": md(ev[f"title_{lang}"]),
        "facts": " · ".join(facts) + "\n\n" + md(ev[f"summary_{lang}"]),
        "other": f"**{md(ev[f'title_{other}'])}**\n\n{md(ev[f'summary_{other}'])}",
        "sources": "\n\n".join(lines),
        "dispute": f"**{i18n.t('card_dispute', lang)}**{i18n.t('colon', lang)}{dispute}" if dispute else "",
        "note": f"{i18n.t('card_note', lang)}{i18n.t('colon', lang)}{note}" if note else "",
    }


def event_card(data: Dataset, event_id: str, lang: str) -> None:
    card = _card(data.key, event_id, lang, data)
    with st.container(border=True):
        # few elements: each is a message and an update in the browser on every rerun of the page
        st.subheader(card["title"])
        st.markdown(card["facts"])
        translation = st.expander(i18n.t("card_other_lang", lang), key=f"other_{event_id}", on_change="rerun")
        if translation.open:  # drawn when opened, as most readers never do
            translation.markdown(card["other"])
        st.markdown(card["sources"])
        if card["dispute"]:
            st.warning(card["dispute"], icon=":material/error:")
        if card["note"]:
            st.caption(card["note"])
