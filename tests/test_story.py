"""Story mode's steps and its highlighted chart, without Streamlit."""

from pricewar import figures, layout, palette
from pricewar.layout import SIZES
from pricewar.select import events_in_view, series_in_view
from pricewar.story import step_title, steps

from conftest import model_lines, war_view


def test_the_story_opens_with_the_first_event_of_importance_3(ds):
    events = ds.events.copy()
    assert steps(events)["id"].iloc[0] == "deepseek-v2-launch"
    events.loc[events["id"] == "gpt-4-turbo-devday", "importance"] = 3  # an earlier first shot
    assert steps(events)["id"].iloc[0] == "gpt-4-turbo-devday"
    assert steps(events.iloc[0:0]).empty


def test_steps_walk_from_deepseek_v2_to_the_2025_restore_and_free_tiers_in_order(ds):
    story = steps(ds.events)
    assert story["id"].iloc[0] == "deepseek-v2-launch"
    assert list(story["date"]) == sorted(story["date"])
    ids = list(story["id"])
    assert ids.index("deepseek-v3-launch") < ids.index("deepseek-v3-price-restored") < ids.index("ernie-bot-free")
    assert (story["importance"] >= 2).all()


def test_a_step_highlights_its_own_models_greys_the_rest_and_marks_the_moment(ds, series):
    view = war_view(lang="en")
    event = steps(ds.events).set_index("id").loc["doubao-pro-launch"].copy()
    event["id"] = "doubao-pro-launch"
    fig = figures.price_curves(series_in_view(series, view), ds.vendors, events_in_view(ds.events, view), view,
                               title=step_title(event, "en", 4, 16), size=SIZES["phone"],
                               focus=(("Doubao-pro",), "bytedance"), moment=event)
    coloured = {t.name for t in model_lines(fig) if t.line.color != palette.CONTEXT}
    assert coloured == {"Doubao-pro 32k", "Doubao-pro 128k"}  # the step's models; every other line grey
    named = {a.name for a in fig.layout.annotations if a.name and a.name.startswith("label:")}
    assert named == {"label:Doubao-pro 32k", "label:Doubao-pro 128k"}
    header = next(a.text for a in fig.layout.annotations if a.name == "header")
    # the step's title is wrapped like any title (on a phone too), and no line of the old finding is left
    assert header.startswith("<b>Step 4 of 16: ") and "cheapest" not in header
    assert "ByteDance launches" in header.replace("</b><br><b>", " ")
    # the step's day: a solid rule behind the lines (the price move it marks stays visible)
    assert any(s.line.dash is None and s.layer == "below" and str(s.x0).startswith("2024-05-15")
               for s in fig.layout.shapes)
    moment = next(a for a in fig.layout.annotations if a.name == "event:doubao-pro-launch")
    assert moment.font.color == layout.INK


def test_a_step_under_a_filter_keeps_its_number_draws_its_subject_and_greys_the_filtered_rest(ds, view):
    from pricewar import charts

    filtered = view.with_(lang="en", vendors=("deepseek", "openai"), step="ernie-speed-lite-free")
    assert charts.story_step(ds, filtered)[:2] == charts.story_step(ds, view.with_(step="ernie-speed-lite-free"))[:2]
    fig = charts.build("story", ds, filtered, "wide").figure
    colours = {t.name: t.line.color for t in model_lines(fig)}
    vendors = {t.meta["vendor"] for t in model_lines(fig)}
    assert vendors == {"baidu", "deepseek", "openai"}  # the step's own vendor though the filter left it out
    assert {n for n, c in colours.items() if c != palette.CONTEXT} == {"ERNIE Speed 8k", "ERNIE Lite 8k"}


def test_a_step_without_an_api_price_says_so_instead_of_implying_one(ds, view):
    from pricewar import charts

    fig = charts.build("story", ds, view.with_(lang="en", step="ernie-bot-free"), "wide").figure
    footer = next(a.text for a in fig.layout.annotations if a.name == "footer").replace("<br>", " ")
    assert "文心一言: no API price in the data (a consumer product or an open release); Baidu (ERNIE)'s API" in footer
    zh = charts.build("story", ds, view.with_(lang="zh", step="qwq-32b-open-source"), "phone").figure
    footer = "".join(next(a.text for a in zh.layout.annotations if a.name == "footer").split("<br>"))
    assert "QwQ-32B在数据中没有 API 价格" in footer
    step5 = charts.build("story", ds, view.with_(lang="en", step="ernie-speed-lite-free"), "wide").figure
    assert "no API price" not in next(a.text for a in step5.layout.annotations if a.name == "footer")


def test_the_second_act_walks_2025_26_from_cuts_to_tiers_hours_and_rises(ds):
    from pricewar.story import act, act_steps

    counts = act_steps(ds.events)
    assert counts["story_act_two"] >= 8 and counts["story_act_one"] >= 8
    story = steps(ds.events).set_index("id")
    two = [i for i, ev in story.iterrows() if act(ev, "en").startswith("Act two")]
    # the second act opens with the first price sold by the hour and holds a cut, a band, a rise and peak pricing
    assert two[0] == "deepseek-off-peak-discount"
    for step in ("deepseek-v3-2-exp-cut", "doubao-seed-1-6-launch", "gpt-5-5-rise", "deepseek-peak-pricing"):
        assert step in two, step
    assert act(story.loc["deepseek-v2-launch"], "zh") == "第一幕（2023–2025）：降价潮"
    assert act(story.loc["deepseek-peak-pricing"], "en") == (
        "Act two (2025–2026): from cuts to tiers, time-of-day prices and rises")
