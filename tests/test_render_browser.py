"""The HTML view in a real browser: headless Chromium, driven by Playwright.

Skipped with the reason where Chromium or Playwright is absent; ``.ci/run`` installs both
(Debian's ``chromium`` and PyPI's ``playwright``, which drives the system browser, so no browser
is downloaded).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import quotekit

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: The flags the workplace's browser needs: no sandbox as root, and no background traffic.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"),
    pytest.mark.browser,
]


@pytest.fixture(scope="module")
def browser_page():  # type: ignore[no-untyped-def]
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install playwright)"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        yield page, requests
        browser.close()


def test_the_german_example_in_a_browser(browser_page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, requests = browser_page
    doc = quotekit.extract((EXAMPLES / "article-de.txt").read_text(encoding="utf-8"), published="2025-03-14")
    path = tmp_path / "article-de.html"
    path.write_text(quotekit.render(doc, title="article-de.txt"), encoding="utf-8")
    requests.clear()
    page.goto(path.as_uri())
    for index, quote in enumerate(doc.quotes):
        pieces = page.locator(f'[data-quote~="{index}"]')
        assert "".join(pieces.all_text_contents()) == quote.text
        assert pieces.first.is_visible()
        if quote.speaker is not None and quote.speaker.mention is not None:
            mention = page.locator(f'a[data-mention~="{index}"]')
            assert "".join(mention.all_text_contents()) == quote.speaker.mention.text
            label = page.locator(f"#quote-{index}")
            assert quote.speaker.name in label.inner_text()
    for index, timex in enumerate(doc.timexes):
        pieces = page.locator(f'[data-timex~="{index}"]')
        assert "".join(pieces.all_text_contents()) == timex.text
        assert timex.value in (pieces.first.get_attribute("title") or "")
    speakers = page.locator("aside li[data-speaker-row]").all_inner_texts()
    assert {quote.speaker.name for quote in doc.quotes if quote.speaker} <= {
        row.split(" (")[0].split(":")[0] for row in speakers
    }
    # the page itself is the only thing the browser fetched for it
    assert requests == [path.as_uri()]
    page.screenshot(path=str(tmp_path / "article-de.png"), full_page=True)
    assert (tmp_path / "article-de.png").stat().st_size > 10_000


def test_markup_in_the_text_does_not_run(browser_page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _ = browser_page
    text = 'He said "<img src=x onerror=document.title=1>" and <script>document.title=2</script> left.'
    path = tmp_path / "hostile.html"
    path.write_text(quotekit.render(quotekit.extract(text), title="hostile"), encoding="utf-8")
    page.goto(path.as_uri())
    assert page.title() == "hostile · quotekit"
    assert page.locator("img").count() == 0
    assert "<script>document.title=2</script>" in page.locator(".qk-text").inner_text()
