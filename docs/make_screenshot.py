"""Render the German example and take the README's screenshot of it in headless Chromium.

Run with ``nox -s screenshot`` (or ``python docs/make_screenshot.py`` where Chromium and
Playwright are installed); it writes ``docs/images/render-de.png``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import quotekit

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    text = (ROOT / "examples" / "article-de.txt").read_text(encoding="utf-8")
    page_html = quotekit.render(
        quotekit.extract(text, published="2025-03-14"), title="examples/article-de.txt"
    )
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "page.html"
        path.write_text(page_html, encoding="utf-8")
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1200, "height": 700})
        page.goto(path.as_uri())
        page.screenshot(path=str(ROOT / "docs" / "images" / "render-de.png"))
        browser.close()


if __name__ == "__main__":
    main()
