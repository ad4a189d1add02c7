"""Price curves: one step line per model, log scale, the highlighted models in colour and named, key events labelled."""

from ui.charts import show
from ui.data import dataset, needs
from ui.first import heading, painted
from ui.view import language, page_view

data = dataset(language())
view = page_view(data, "prices")
lang = view.lang

slot = painted("prices")  # the chart's place, when it was drawn first after a start (with the heading)
if not view.embed and slot is None:
    heading("prices", lang)
show("prices", data, view, into=slot)
if not view.embed:
    needs(data, "events", lang, quiet=True)
