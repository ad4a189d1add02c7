"""Every user-facing string in 中文 and English. Pages look strings up here; nothing is translated inline."""

from __future__ import annotations

from pricewar.schema import LANGS

DEFAULT_LANG = LANGS[0]
LANG_NAMES = {"zh": "中文", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"zh": "大模型 API 价格战", "en": "The LLM API price war"},
    "language": {"zh": "语言 / Language", "en": "语言 / Language"},
    "data_invalid": {
        "zh": "数据文件有误，无法显示。问题如下（{summary}）：",
        "en": "The data files have problems, so nothing can be shown ({summary}):",
    },
    "data_stale": {
        "zh": "数据文件刚被修改，但有误；下面仍显示上次有效的数据。问题如下（{summary}）：",
        "en": "The data files were just edited into an invalid state; the last valid data is shown. The problems ({summary}):",
    },
    "data_missing": {"zh": "找不到数据文件夹：{path}", "en": "Data folder not found: {path}"},
    # --- navigation and controls ---------------------------------------------------------------------
    "page_timeline": {"zh": "时间线", "en": "Timeline"},
    "page_prices": {"zh": "价格曲线", "en": "Price curves"},
    "page_compare": {"zh": "厂商对比", "en": "Vendor comparison"},
    "page_data": {"zh": "数据与来源", "en": "Data & sources"},
    "vendors": {"zh": "厂商", "en": "Vendors"},
    "vendors_all": {"zh": "全部厂商", "en": "All vendors"},
    "date_range": {"zh": "日期范围", "en": "Date range"},
    "currency": {"zh": "货币", "en": "Currency"},
    "kind": {"zh": "价格类型", "en": "Price"},
    "kind_input": {"zh": "输入", "en": "Input"},
    "kind_output": {"zh": "输出", "en": "Output"},
    "kind_cache_hit": {"zh": "缓存命中输入", "en": "Cached input"},
    "kind_blended": {"zh": "混合价（输入:输出 = 3:1）", "en": "Blended (3 input : 1 output)"},
    "kind_cache_miss": {"zh": "输入（缓存未命中）", "en": "Input (cache miss)"},
    "bad_params": {
        "zh": "网址中的以下参数无效，已改用默认值或最接近的有效值：{items}",
        "en": "These link parameters were not valid; the default or the nearest valid value is shown: {items}",
    },
    "param_ignored": {"zh": "已忽略", "en": "ignored"},
    "download_wide_png": {"zh": "PNG 16:9", "en": "PNG 16:9"},
    "download_square_png": {"zh": "PNG 方图", "en": "PNG square"},
    "download_wide_svg": {"zh": "SVG", "en": "SVG"},
    "highlight": {"zh": "突出显示的模型", "en": "Highlighted models"},
    "highlight_default": {"zh": "默认：头条事件涉及的模型", "en": "Default: the headline events' models"},
    "highlight_help": {
        "zh": "这些模型以彩色显示并在线尾标注名称，其余为灰色背景。不选时：不超过 8 条线则全部突出，否则突出头条事件（重要度 3）涉及的模型。",
        "en": "These models are drawn in colour and named at their line's end, the rest in grey. None chosen: every line when there are at most 8, else the models of the headline events (importance 3).",
    },
    "words": {"zh": "你的标题与署名", "en": "Your headline and byline"},
    "words_chart": {"zh": "用于哪张图", "en": "For the chart"},
    "chart_ranking": {"zh": "某日价格排名", "en": "Prices on a date"},
    "chart_before-after": {"zh": "前后对比", "en": "Before → after"},
    "words_headline": {"zh": "标题", "en": "Headline"},
    "words_subtitle": {"zh": "副标题", "en": "Subtitle"},
    "words_note": {"zh": "注释", "en": "Note"},
    "words_byline": {"zh": "署名", "en": "Byline"},
    "words_headline_placeholder": {"zh": "留空则使用图表的结论", "en": "Empty: the chart's finding"},
    "words_subtitle_placeholder": {"zh": "留空则列出筛选条件", "en": "Empty: the filters in words"},
    "words_note_placeholder": {"zh": "显示在图表底部", "en": "Shown at the chart's foot"},
    "words_byline_placeholder": {"zh": "例如：制图者姓名", "en": "e.g. your name"},
    "col_outlets": {"zh": "来源（出处与日期）", "en": "Sources (outlet and date)"},
    "export_zip": {"zh": "打包导出当前视图（zip）", "en": "Export this view (zip)"},
    "export_zip_building": {"zh": "正在生成所有图表的 HTML、PNG、SVG 与 CSV……", "en": "Making HTML, PNG, SVG and CSV of every chart…"},
    "export_zip_download": {"zh": "下载 zip", "en": "Download the zip"},
    "images_unavailable": {
        "zh": "服务器无法生成图片（需要 Chromium）：{reason}。可用图表右上角的相机按钮下载 PNG。",
        "en": "The server cannot make images (it needs Chromium): {reason}. "
        "The camera button on the chart downloads a PNG.",
    },
    "nothing_selected": {
        "zh": "当前筛选条件下没有数据。请在左侧选择更多厂商或扩大日期范围。",
        "en": "Nothing matches the current filters. Choose more vendors or a wider date range on the left.",
    },
    "empty_any_vendor": {"zh": "任何厂商", "en": "any vendor"},
    "empty_range": {
        "zh": "在这一日期范围内，{who}没有价格或事件。请在左侧扩大日期范围或选择更多厂商。",
        "en": "Nothing from {who} in this date range: choose a wider date range or more vendors on the left.",
    },
    "empty_at": {
        "zh": "{date} 这一天，{who}没有模型有{kind}价格。请在上方换一个比较日期，或在左侧选择更多厂商或其他价格类型。",
        "en": "No model of {who} has a price ({kind}) on {date}: choose another date above, or more vendors or another kind of price on the left.",
    },
    "empty_window": {
        "zh": "{date} 这一天，{who}没有模型有{kind}价格，无法比较前后。请在上方把时间段的起点改晚，或在左侧选择更多厂商。",
        "en": "No model of {who} has a price ({kind}) on {date}, where the window starts: choose a later start above or more vendors on the left.",
    },
    "empty_set": {
        "zh": "“{set}”中{who}没有{kind}价格。请在上方换一个模型集合，或在左侧选择其他厂商或价格类型。",
        "en": "No price ({kind}) of {who} in “{set}”: choose another set above, or other vendors or another kind of price on the left.",
    },
    # --- pages ----------------------------------------------------------------------------------------------
    "timeline_intro": {
        "zh": "点击图中的事件，或在下方列表中选择，查看完整的事件卡片。",
        "en": "Click an event on the chart, or pick one from the list below, to open its full card.",
    },
    "choose_event": {"zh": "事件", "en": "Event"},
    "card_when": {"zh": "日期", "en": "Date"},
    "card_effective": {"zh": "生效", "en": "Effective"},
    "card_type": {"zh": "类型", "en": "Type"},
    "card_sources": {"zh": "来源与原文", "en": "Sources and their words"},
    "card_dispute": {"zh": "争议", "en": "Disputed"},
    "card_note": {"zh": "说明", "en": "Note"},
    "card_other_lang": {"zh": "English", "en": "中文"},
    "no_link": {"zh": "（无链接）", "en": "(no link)"},
    "prices_intro": {
        "zh": "阶梯线表示价格自某日起生效直至下次变动；对数坐标；“免费”画在坐标轴最低价之下。彩色线为突出显示的模型（线尾标注名称，可在左侧选择），灰线为其他模型；标记形状代表厂商，空心标记表示价格来自报道，深色圆圈为存在争议的价格。",
        "en": "Each step holds from the day a price took effect until it changed; log scale; free prices sit on "
        "the labelled floor below the lowest price. Coloured lines are the highlighted models (named at their "
        "end; choose them on the left), grey lines the others; a marker's shape is its vendor, a hollow marker "
        "a price known from a report, a dark ring a disputed price.",
    },
    "compare_at": {"zh": "比较日期", "en": "Prices on"},
    "compare_window": {"zh": "降价前后（起止日期）", "en": "Before → after window"},
    "compare_ref": {"zh": "参照模型", "en": "Reference model"},
    "ratio_heading": {"zh": "与参照模型的价格比", "en": "Price as a share of the reference model"},
    "col_model": {"zh": "模型", "en": "Model"},
    "col_ratio": {"zh": "比值", "en": "Ratio"},
    "col_sentence": {"zh": "可引用的句子", "en": "Sentence to quote"},
    "col_source": {"zh": "来源编号", "en": "Source ids"},
    "data_intro": {
        "zh": "下表是当前筛选条件下图表所依据的每一条价格记录，附来源、原文与争议。",
        "en": "Every price record behind the charts for the current filters, with its source, words and dispute.",
    },
    "download_csv": {"zh": "下载当前筛选的 CSV（{n} 行）", "en": "Download this selection as CSV ({n} rows)"},
    "sources_heading": {"zh": "来源", "en": "Sources"},
    "col_date": {"zh": "生效日期", "en": "Effective"},
    "col_vendor": {"zh": "厂商", "en": "Vendor"},
    "col_tier": {"zh": "档位", "en": "Tier"},
    "col_kind": {"zh": "类型", "en": "Kind"},
    "col_stated": {"zh": "原始报价", "en": "As stated"},
    "col_converted": {"zh": "每百万 tokens（{cur}）", "en": "Per million tokens ({cur})"},
    "col_fx": {"zh": "汇率（月份）", "en": "USD/CNY (month)"},
    "col_link": {"zh": "链接", "en": "Link"},
    "col_quote": {"zh": "原文", "en": "Words"},
    "col_dispute": {"zh": "争议", "en": "Dispute"},
    "col_note": {"zh": "说明", "en": "Note"},
    "col_title": {"zh": "标题", "en": "Title"},
    "col_outlet": {"zh": "媒体 / 网站", "en": "Outlet"},
    "col_published": {"zh": "发布日期", "en": "Published"},
    "col_author": {"zh": "作者", "en": "Author"},
    "col_source_kind": {"zh": "来源类型", "en": "Kind of source"},
    "source_kind_article": {"zh": "报道", "en": "article"},
    "source_kind_tracker": {"zh": "价格追踪", "en": "price tracker"},
    "source_kind_vendor": {"zh": "厂商官方", "en": "the vendor's own"},
    "source_kind_dataset": {"zh": "数据集", "en": "dataset"},
    "source_kind_blog": {"zh": "博客", "en": "blog"},
    "source_kind_research": {"zh": "研究", "en": "research"},
    # --- optional data files ----------------------------------------------------------------------------
    "needs_absent": {
        "zh": "此处需要 {file}（{what}），但数据文件夹中没有这个文件。",
        "en": "This needs {file} ({what}), which the data folder does not have.",
    },
    "needs_empty": {
        "zh": "此处需要 {file}（{what}），但该文件中还没有记录。",
        "en": "This needs {file} ({what}), which has no records yet.",
    },
    "needs_invalid": {
        "zh": "此处需要 {file}（{what}），但该文件有误，未被使用。问题如下：",
        "en": "This needs {file} ({what}), which has problems and is not used. The problems:",
    },
    "needs_what_events": {"zh": "价格战中的事件", "en": "the events of the price war"},
    "needs_what_claims": {"zh": "文章中的价格说法", "en": "the articles' price claims"},
    "needs_what_classes": {"zh": "模型能力分组", "en": "the capability classes of models"},
    "needs_what_rates": {"zh": "已发表的降价速度估计", "en": "the published decline-rate estimates"},
    "needs_what_corrections": {"zh": "数据版本与更正记录", "en": "the data's version and corrections log"},
    "corrections_heading": {"zh": "更正记录", "en": "Corrections"},
    "corrections_intro": {
        "zh": "本页和每张图表所用的数据：{credit}。下表列出对已发布数字的每一次更改：日期、原值、新值和原因。",
        "en": "The data behind this page and every chart: {credit}. Every change to a figure the dashboard published is listed below, with its date, the old and new value, and why.",
    },
    "col_corrected": {"zh": "更正日期", "en": "Corrected"},
    "col_subject": {"zh": "更正对象", "en": "What"},
    "col_old": {"zh": "原来", "en": "Was"},
    "col_new": {"zh": "现在", "en": "Now"},
    "col_why": {"zh": "原因", "en": "Why"},
    # --- claims and trend ---------------------------------------------------------------------------------
    "page_claims": {"zh": "说法核查", "en": "Claim checker"},
    "claims_intro": {
        "zh": "文章中关于价格的每一个量化说法，与数据集计算出的数值对照。比值或价格在 {holds} 以内为“成立”，{roughly} 以内为“大致成立”；百分比（降幅）在 {holds_points} 个百分点以内为“成立”，{roughly_points} 个百分点以内为“大致成立”；“以上”类说法达到或超过所说数值即为“成立”。年降幅说法落在数据集拟合的 90% 区间内即为“成立”。未说明比较基准的说法只列出各个候选，不下结论。某一日期的比较按该日期所在月份的月均汇率换算；同一币种的两个价格直接相比，不经汇率。",
        "en": "Every quantitative price claim in the articles, against the value computed from the dataset. A ratio or price within {holds} holds and within {roughly} roughly holds; a percentage (a cut) within {holds_points} points holds and within {roughly_points} points roughly holds; a claim of \"more than\" holds at the figure or beyond it. A yearly rate holds inside the 90% interval of the dataset's fit. A claim with an unstated baseline gets each candidate, not a verdict. A comparison on a date converts at that month's average rate; two prices in the same currency are compared without any rate.",
    },
    "claim_fit_interval": {"zh": "90% 区间 {low} 至 {high}", "en": "90% interval {low}–{high}"},
    "verdict_holds": {"zh": "成立", "en": "Holds"},
    "verdict_roughly": {"zh": "大致成立", "en": "Roughly holds"},
    "verdict_fails": {"zh": "不成立", "en": "Does not hold"},
    "verdict_mixed": {"zh": "部分成立", "en": "Holds for some prices"},
    "verdict_baseline": {"zh": "基准未说明", "en": "Unstated baseline"},
    "verdict_no_data": {"zh": "无数据", "en": "No data"},
    "verdict_not_checkable": {"zh": "无法用价格核查", "en": "Not checkable with prices"},
    "claimed_at_least": {"zh": "至少 {x}", "en": "at least {x}"},
    "claimed_at_most": {"zh": "不超过 {x}", "en": "at most {x}"},
    "claimed_cut_at_least": {"zh": "降幅至少 {x}%", "en": "a cut of at least {x}%"},
    "claim_no_yearly": {
        "zh": "该分组的数据不足以计算年降幅，因此无法核查。",
        "en": "The class's data are too few for a yearly rate, so the claim cannot be checked.",
    },
    "claim_each_most": {
        "zh": "说法点名了多个对象并说「大多」：被点名的对象中过半数成立才算成立；缺数据的对象若能左右结论，结论为「无数据」。",
        "en": "The claim names several subjects and says \"mostly\": it holds when more than half of the subjects it names hold; when those without data could tip it either way, the verdict is \"no data\".",
    },
    "claim_each_all": {
        "zh": "说法点名了多个对象：每一个都成立才算成立。",
        "en": "The claim names several subjects: it holds only when each of them holds.",
    },
    "claim_said_by": {"zh": "说法来自", "en": "Said by"},
    "col_baseline": {"zh": "基准", "en": "Baseline"},
    "col_computed": {"zh": "计算值", "en": "Computed"},
    "col_claimed": {"zh": "说法", "en": "Claimed"},
    "col_verdict": {"zh": "结论", "en": "Verdict"},
    "claim_rows": {"zh": "计算所用的价格记录", "en": "The price rows it was computed from"},
    "claims_summary": {
        "zh": "{n} 个说法：成立 {holds}，大致成立 {roughly}，部分成立 {mixed}，不成立 {fails}，基准未说明 {baseline}，无法用价格核查 {not_checkable}，数据不足以判断 {no_data}",
        "en": "{n} claims: {holds} hold, {roughly} roughly hold, {mixed} hold for some prices, {fails} do not hold, {baseline} rest on an unstated baseline, {not_checkable} cannot be checked with prices, {no_data} lack the data to decide",
    },
    "claims_filtered": {
        "zh": "只列出涉及所选厂商的说法（以及关于整个市场的说法）：{shown} / {total} 个。",
        "en": "Only the claims about the chosen vendors (and those about the whole market): {shown} of {total}.",
    },
    "page_trend": {"zh": "降价速度", "en": "Decline rate"},
    "trend_set": {"zh": "模型集合", "en": "Set of models"},
    "trend_all": {"zh": "全部模型", "en": "All models"},
    "trend_country": {"zh": "{country}的模型", "en": "Models from {country}"},
    "trend_set_note": {"zh": "这一分组的依据：{note}", "en": "What this grouping rests on: {note}"},
    "trend_cheapest": {"zh": "最低价", "en": "Cheapest price"},
    "trend_fit": {"zh": "拟合趋势", "en": "Fitted trend"},
    "trend_fell": {
        "zh": "价格每年降至约 {factor}（90% 区间：{low} 至 {high}）",
        "en": "Prices fell {factor} per year (90% interval {low}–{high})",
    },
    "trend_rose": {
        "zh": "价格每年涨至约 {factor}（90% 区间：{low} 至 {high}）",
        "en": "Prices rose {factor} per year (90% interval {low}–{high})",
    },
    "trend_set_of": {"zh": "{set}（仅{vendors}）", "en": "{set} (only {vendors})"},
    "trend_includes_none": {"zh": "；区间包含价格不变", "en": "; the interval includes no change"},
    "trend_too_few": {
        "zh": "数据点太少，无法计算年降幅：最低价只有 {n} 个数据点，至少需要 {min} 个",
        "en": "Too few data points for a yearly rate: the cheapest price has {n}, and it takes at least {min}",
    },
    "trend_too_short": {
        "zh": "最低价的变动只跨越 {months} 个月，不足以计算年降幅（至少需要 {min} 个月）",
        "en": "The cheapest price's changes span only {months} months: too short for a yearly rate (it takes at least {min})",
    },
    "trend_supports": {
        "zh": "拟合的 90% 区间支持每年降至 {low} 到 {high} 之间的任何说法",
        "en": "the fit's 90% interval supports any figure from {low} to {high} a year",
    },
    "trend_minimums": {
        "zh": "只有当集合的最低价至少有 {n} 个变动点、且跨越至少 {months} 个月时，才给出年降幅；否则图表只显示这些点，并说明原因。",
        "en": "A yearly rate is given only when the set's cheapest price has at least {n} changes spread over at least {months} months; otherwise the chart shows the points and says why.",
    },
    "trend_method": {
        "zh": "方法：集合内最低价随时间变化，每次变动为一个观测（共 {n} 个），对 log10(价格) 做最小二乘回归；免费价格无法取对数，不计入。",
        "en": "Method: the set's cheapest price over time, each change one observation ({n} in all), OLS of log10(price) on date; free prices have no logarithm and are left out.",
    },
    "trend_intro": {
        "zh": "同一能力档次的模型价格下降速度，与已发表的估计并列。所选集合决定了比较的意义：“全部模型”是每个 token 的最低价，而不是同等能力的价格。",
        "en": "How fast prices fall for a set of models, beside the published estimates. The set decides what the figure means: 'all models' is the floor price of a token, not a like-for-like price.",
    },
    "published_heading": {"zh": "已发表的估计", "en": "Published estimates"},
    "col_who": {"zh": "来源", "en": "Who"},
    "col_rate": {"zh": "每年降至", "en": "Fall per year"},
    "col_finding": {"zh": "结论", "en": "Finding"},
    "col_method": {"zh": "方法", "en": "Method"},
    "col_differs": {"zh": "与本数据集方法的不同", "en": "How it differs from this dataset's method"},
    "at_least_per_year": {"zh": "至少降至 {x}", "en": "at least {x}"},
    "this_fit": {"zh": "本数据集（{set}）", "en": "This dataset ({set})"},
    "page_story": {"zh": "故事模式", "en": "Story"},
    "story_no_api_price": {
        "zh": "{models}在数据中没有 API 价格（面向用户的产品或开源发布）；图中突出显示的是{vendor}的 API 价格，作为背景。",
        "en": "{models}: no API price in the data (a consumer product or an open release); {vendor}'s API prices are highlighted for context.",
    },
    "story_step": {"zh": "第 {step}/{total} 步：{title}", "en": "Step {step} of {total}: {title}"},
    "story_prev": {"zh": "上一步", "en": "Previous"},
    "story_next": {"zh": "下一步", "en": "Next"},
    "story_slider": {"zh": "步骤", "en": "Step"},
    "story_none": {
        "zh": "数据中没有重要程度为 3 的事件，故事模式无从开始。",
        "en": "The data has no event of importance 3, so the story has nowhere to start.",
    },
    "story_intro": {
        "zh": "按时间顺序逐步回顾价格战的关键事件。每一步的网址都可以单独分享。",
        "en": "Walk through the key events of the price war in order. Each step has its own link.",
    },
    # --- figures -----------------------------------------------------------------------------------------
    "unit_per_m": {"zh": "{cur} / 百万 tokens", "en": "{cur} per million tokens"},
    "per_million": {"zh": "/ 百万 tokens", "en": "per million tokens"},
    "cur_CNY": {"zh": "元", "en": "CNY"},
    "cur_USD": {"zh": "美元", "en": "US$"},
    "free": {"zh": "免费", "en": "free"},
    "credit_source": {"zh": "来源：{names}", "en": "Source: {names}"},
    "credit_sources": {"zh": "来源：{names}", "en": "Sources: {names}"},
    "credit_sources_more": {"zh": "来源：{names}等 {count} 个来源", "en": "Sources: {names} and {count} more"},
    "credit_dated": {"zh": "{name}（{date}）", "en": "{name} ({date})"},
    "credit_fx": {"zh": "；汇率：{name}", "en": "; exchange rates: {name}"},
    "credit_byline": {"zh": "制图：{byline}", "en": "Chart: {byline}"},
    "note_prefix": {"zh": "注：{note}", "en": "Note: {note}"},
    "key_disputed": {"zh": "◯ 圈出的价格有争议", "en": "◯ ringed: a disputed price"},
    "key_hollow": {"zh": "空心标记：价格来自报道，而非厂商本身", "en": "hollow marker: a price known from a report, not from the vendor"},
    "key_grey": {"zh": "灰色：其他 {n} 个模型", "en": "grey: {n} other models"},
    "key_dumbbell": {"zh": "小圆点：{before} 的价格 → 大标记：{after} 的价格", "en": "small dot: price on {before} → large marker: on {after}"},
    "rows_shown": {"zh": "图中显示 {n} 个模型中的 {shown} 个（含突出显示的模型和列表两端）；全部见 CSV", "en": "{shown} of {n} models shown (the highlighted ones and both ends of the list among them); all in the CSV"},
    "credit": {"zh": "pricewar 数据 {version}，截至 {as_of}", "en": "pricewar data {version}, as of {as_of}"},
    "fx_note": {
        "zh": "按美联储 FRED 月均汇率换算（{rates}）",
        "en": "Converted at FRED monthly averages ({rates})",
    },
    "date_span": {"zh": "{start} 至 {end}", "en": "{start} to {end}"},
    "title_timeline": {
        "zh": "价格战时间线：{n} 个事件（{start} 至 {end}）",
        "en": "The price war in {n} events, {start} to {end}",
    },
    "lane_market": {"zh": "市场", "en": "Market"},
    "type_launch": {"zh": "发布", "en": "Launch"},
    "type_price_cut": {"zh": "降价", "en": "Price cut"},
    "type_free": {"zh": "免费", "en": "Free"},
    "type_promo_start": {"zh": "优惠开始", "en": "Promotion"},
    "type_promo_end": {"zh": "优惠结束", "en": "Promotion ends"},
    "type_price_restore": {"zh": "恢复原价", "en": "Price restored"},
    "type_price_rise": {"zh": "涨价", "en": "Price rise"},
    "type_consumer": {"zh": "面向个人用户", "en": "Consumer"},
    "type_open_source": {"zh": "开源", "en": "Open source"},
    "type_claim": {"zh": "说法", "en": "Claim"},
    "type_market": {"zh": "市场", "en": "Market"},
    "disputed": {"zh": "有争议", "en": "disputed"},
    "hover_source": {"zh": "来源", "en": "Source"},
    # findings (pricewar.findings): every title true as worded
    "finding_free": {"zh": "；{n} 个模型免费（{models}）", "en": "; {n} free ({models})"},
    "finding_tied": {"zh": "（另有 {n} 个模型同价）", "en": " ({n} more at the same price)"},
    "finding_all_free": {"zh": "{date}：所示模型全部免费", "en": "On {date}, every model shown is free"},
    "finding_only": {"zh": "{date}：{model} 的价格为 {price}", "en": "On {date}, {model} costs {price}"},
    "finding_only_paid": {"zh": "{date}：{model} 是唯一收费的模型（{price}）",
                          "en": "On {date}, {model} is the only paid model ({price})"},
    "finding_ranking": {"zh": "{date}：{sentence}，后者最便宜{tied}",
                        "en": "On {date}, {sentence}, the cheapest{tied}"},
    "finding_ranking_paid": {"zh": "{date}：{sentence}，后者是最便宜的收费模型{tied}",
                             "en": "On {date}, {sentence}, the cheapest paid model{tied}"},
    "finding_price_of": {"zh": "{price}（{models}，{date}）", "en": "{price} ({models}, {date})"},
    "finding_curves_fell": {"zh": "{kind}最低价从 {a}降至{b}", "en": "The cheapest {kind} price fell from {a} to {b}"},
    "finding_curves_rose": {"zh": "{kind}最低价从 {a}升至{b}", "en": "The cheapest {kind} price rose from {a} to {b}"},
    "finding_curves_level": {"zh": "{kind}最低价两端相同：{a}；{b}",
                             "en": "The cheapest {kind} price was the same at both ends: {a}; {b}"},
    "finding_curves_day": {"zh": "{kind}最低价：{a}", "en": "The cheapest {kind} price: {a}"},
    "finding_curves_same": {"zh": "{start} 和 {end} 的{kind}最低价都是 {price}（{models}）",
                            "en": "The cheapest {kind} price was {price} ({models}) on both {start} and {end}"},
    "unchanged": {"zh": "不变", "en": "unchanged"},
    "new_from": {"zh": "{date} 起", "en": "from {date}"},
    "gone_in_window": {"zh": "已停止", "en": "gone"},
    "finding_new": {"zh": "；另有 {n} 个模型在此之后才有价格", "en": "; {n} first priced later in the window"},
    "finding_gone": {"zh": "；{n} 个模型在此期间停止报价", "en": "; {n} no longer priced at the end"},
    "finding_none_both": {"zh": "{start} 至 {end}：所示模型在 {start} 都还没有价格",
                          "en": "{start} to {end}: no model shown had a price on {start}"},
    "finding_no_cut": {"zh": "{start} 至 {end}：{start} 已有价格的 {n} 个模型都没有降价",
                       "en": "{start} to {end}: none of the {n} models priced on {start} got cheaper"},
    "finding_no_cut_one": {"zh": "{start} 至 {end}：{start} 唯一已有价格的模型 {model} 没有降价",
                           "en": "{start} to {end}: {model}, the one model priced on {start}, did not get cheaper"},
    "finding_no_cut_rise": {"zh": "{start} 至 {end}：{start} 已有价格的 {n} 个模型都没有降价，其中 {r} 个涨价",
                            "en": "{start} to {end}: none of the {n} models priced on {start} got cheaper; {r} got dearer"},
    "finding_cuts": {
        "zh": "{start} 至 {end}：{start} 已有价格的 {n} 个模型中 {k} 个降价，最大降幅为 {cut}（{model}）",
        "en": "{start} to {end}: {k} of the {n} models priced on {start} got cheaper; the biggest cut was {cut} ({model})",
    },
    "finding_cut_one": {
        "zh": "{start} 至 {end}：{start} 唯一已有价格的模型 {model} 降价，降幅为 {cut}",
        "en": "{start} to {end}: {model}, the one model priced on {start}, got cheaper by {cut}",
    },
    "ratio_times": {"zh": "{a} 的价格是 {b} 的 {x} 倍", "en": "{a} costs {x}× as much as {b}"},
    "ratio_share": {"zh": "{a} 的价格是 {b} 的 {x}", "en": "{a} costs {x} of {b}'s price"},
    "ratio_same": {"zh": "{a} 与 {b} 价格相同", "en": "{a} costs the same as {b}"},
    "ratio_about": {"zh": "{a} 与 {b} 价格相近", "en": "{a} costs about the same as {b}"},
    "ratio_sentence_free": {"zh": "{model} 免费", "en": "{model} is free"},
    "ratio_ref_free": {"zh": "{ref} 免费，无法计算倍数", "en": "{ref} is free, so there is no ratio"},
    "ratio_at_rate": {
        "zh": "（按 {month} 月均汇率 {rate} 元/美元换算）",
        "en": " (converted at {month}'s average of {rate} 元 per US$)",
    },
    "from_free": {"zh": "由免费转收费", "en": "was free"},
}


COUNTRIES = {
    "CN": ("中国", "China"), "US": ("美国", "the US"), "FR": ("法国", "France"), "GB": ("英国", "the UK"),
    "DE": ("德国", "Germany"), "CA": ("加拿大", "Canada"), "IL": ("以色列", "Israel"), "JP": ("日本", "Japan"),
    "KR": ("韩国", "South Korea"), "AE": ("阿联酋", "the UAE"), "SG": ("新加坡", "Singapore"), "IN": ("印度", "India"),
    "HK": ("中国香港", "Hong Kong"), "TW": ("中国台湾", "Taiwan"), "NL": ("荷兰", "the Netherlands"),
    "CH": ("瑞士", "Switzerland"), "SE": ("瑞典", "Sweden"), "FI": ("芬兰", "Finland"), "AU": ("澳大利亚", "Australia"),
    "ES": ("西班牙", "Spain"), "IT": ("意大利", "Italy"), "SA": ("沙特阿拉伯", "Saudi Arabia"), "RU": ("俄罗斯", "Russia"),
    "BR": ("巴西", "Brazil"), "IE": ("爱尔兰", "Ireland"),
}
"""Country names for the decline-rate sets; a country not listed is named by its ISO code."""


def country(code: str, lang: str) -> str:
    names = COUNTRIES.get(code)
    return names[LANGS.index(lang) if lang in LANGS else 0] if names else code


def count_problems(problems: int, files: int, lang: str) -> str:
    """"3 problems in 2 files" / "2 个文件中有 3 个问题"."""
    if lang == "zh":
        return f"{files} 个文件中有 {problems} 个问题"
    return (f"{problems} problem{'s' if problems != 1 else ''} in {files} file{'s' if files != 1 else ''}")


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (zh or en), with ``{placeholders}`` filled from ``values``."""
    text = STRINGS[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**values) if values else text
