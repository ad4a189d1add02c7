"""Screenshots of every page in zh and en at 1280 px and 390 px wide, into screenshots/ (not committed).

Every page is reached as a reader reaches it: a filtered view is opened on the price curves (three vendors,
US$), then the page's link in the sidebar is followed. Story's Baidu step and the embedded price chart
are opened by their links.

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--data DATA_DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pricewar import i18n  # noqa: E402
from pricewar.view import PAGES as NAVIGATED  # noqa: E402

from server import CHROMIUM, CHROMIUM_ARGS, ROOT, StreamlitServer, open_page, settle  # noqa: E402

START = "/prices?vendor=alibaba&vendor=baidu&vendor=deepseek&currency=USD"  # the view every page is reached from
LINKS = {"story-baidu": "/story?step=ernie-speed-lite-free", "prices-embed": "/prices?embed=true",
         # the war's second act: DeepSeek from V2 to V4.1-Flash, its peak pricing step, a model sold by the hour
         "prices-deepseek": "/prices?vendor=deepseek&from=2024-05-01&to=2026-11-30",
         "prices-conditions": "/prices?vendor=deepseek&from=2025-01-01&to=2026-11-30&conditions=all",
         "story-peak": "/story?step=deepseek-peak-pricing", "model-v4-pro": "/model?model=DeepSeek-V4-Pro"}
PAGES = {**{name: None for name in NAVIGATED}, **LINKS}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
PHONE_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0 Mobile Safari/537.36")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "screenshots")
    ap.add_argument("--data", type=Path, default=None)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with StreamlitServer(args.data) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in PAGES.items():
            for lang in ("zh", "en"):
                for label, (w, h) in WIDTHS.items():
                    phone = label == "phone"
                    page = browser.new_page(viewport={"width": w, "height": h}, is_mobile=phone, has_touch=phone,
                                            user_agent=PHONE_UA if phone else None)
                    if path is None:  # from the filtered view, by the page's link in the sidebar
                        open_page(page, f"{url}{START}&lang={lang}")
                        if name != "prices":
                            link = page.get_by_test_id("stSidebar").get_by_role(
                                "link", name=i18n.t(f"page_{name}", lang), exact=True)
                            link.evaluate("a => a.click()")  # on a phone the sidebar is closed
                            page.get_by_role("heading", name=i18n.t(f"page_{name}", lang), exact=True).wait_for()
                            settle(page)
                    else:
                        sep = "&" if "?" in path else "?"
                        open_page(page, f"{url}{path}{sep}lang={lang}")
                    # Streamlit scrolls inside its own container, so a "full page" shot stops at the
                    # viewport: grow the viewport to the content instead.
                    tall = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
                    page.set_viewport_size({"width": w, "height": max(h, int(tall))})
                    settle(page)
                    target = args.out / f"{name}-{lang}-{label}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
                    page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
