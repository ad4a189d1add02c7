"""The dashboard's pages, by the name their URL path and their file use (a module light enough for the start
of ``app.py``, which lists them before anything else is imported)."""

PAGES = ("timeline", "prices", "story", "compare", "model", "claims", "trend", "data", "about")
"""Every page of the dashboard, by the name its URL path and its file use."""

FIRST_CHARTS = {"timeline": "timeline", "prices": "prices"}
"""The pages whose default view's chart is kept with the data's snapshot and drawn first after a start,
before the libraries are loaded (:mod:`ui.first`): the default page and the price curves, the pages a first
reader opens without a view of their own. Each starts with its title, its introduction and that chart."""
