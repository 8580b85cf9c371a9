"""extract_html: text derived from HTML, embeds bounded by their blockquote, status and lang."""

from __future__ import annotations

from quotekit.posts.html import extract_html, html_to_text

TWEET = """<article><h1>Ein Titel</h1>
<p>Der Minister sprach am Abend &amp; am Morgen.</p>
<blockquote class="twitter-tweet" data-lang="de"><p lang="en" dir="ltr">We are not there yet,
we have to keep going.<br><br>More soon <a href="https://t.co/AbCdEf1234">https://t.co/AbCdEf1234</a>
<a href="https://t.co/ZzYyXx9876">pic.twitter.com/QwErTy1234</a></p>&mdash; Jane Example (@jane_example)
<a href="https://twitter.com/jane_example/status/1900000000000000001?ref_src=twsrc%5Etfw">14. März 2025</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js"></script>
<p>Danach ging es weiter.</p></article>"""

BLUESKY = """<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abc/app.bsky.feed.post/3kxyz">
<p lang="de">Ein Beitrag auf Bluesky, der recht kurz ist.</p>&mdash; Ann Other
(<a href="https://bsky.app/profile/did:plc:abc?ref_src=embed">@ann.bsky.social</a>)
<a href="https://bsky.app/profile/did:plc:abc/post/3kxyz?ref_src=embed">May 13, 2026 at 1:43 PM</a></blockquote>"""

INSTAGRAM = """<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/AbC123xYz/?utm_source=ig_embed">
<div><a href="https://www.instagram.com/p/AbC123xYz/">View this post on Instagram</a></div>
<p><a href="https://www.instagram.com/p/AbC123xYz/">A post shared by Some Shop (@someshop)</a></p></blockquote>"""


def test_text_derivation_blocks_entities_and_hidden_content() -> None:
    derived = html_to_text(TWEET)
    lines = derived.text.split("\n")
    assert lines[0] == "Ein Titel"
    assert lines[1] == "Der Minister sprach am Abend & am Morgen."
    assert "widgets.js" not in derived.text
    assert "" not in lines[:-1]  # no blank lines: a post's own <br><br> must not split it
    (embed,) = derived.embeds
    assert embed.platform == "twitter"
    assert derived.text[embed.start : embed.end].startswith("We are not there yet")
    assert derived.text[embed.start : embed.end].endswith("14. März 2025")


def test_tweet_from_html() -> None:
    doc = extract_html(TWEET)
    (post,) = doc.posts
    assert doc.text[post.text_start : post.text_end] == post.text
    assert post.text.startswith("We are not there yet, we have to keep going.")
    assert post.author.handle == "jane_example"
    assert post.date == "2025-03-14"
    assert post.status_id == "1900000000000000001"
    assert post.status_url is not None
    assert post.status_url.startswith("https://twitter.com/jane_example/status/")
    assert post.lang == "en"
    assert post.urls == ("https://t.co/AbCdEf1234",)
    assert post.media == ("pic.twitter.com/QwErTy1234",)
    assert "Danach ging es weiter." not in doc.text[post.start : post.end]


def test_bluesky_and_instagram_from_html() -> None:
    (bluesky,) = extract_html(BLUESKY).posts
    assert bluesky.platform == "bluesky"
    assert bluesky.status_id == "3kxyz"
    assert bluesky.date == "2026-05-13T13:43"
    assert bluesky.lang == "de"
    (insta,) = extract_html(INSTAGRAM).posts
    assert insta.platform == "instagram"
    assert insta.author.handle == "someshop"
    assert insta.status_id == "AbC123xYz"


def test_iframe_player_is_an_empty_post_with_its_address() -> None:
    doc = extract_html(
        '<p>Vorher.</p><iframe src="https://www.youtube-nocookie.com/embed/abc123"></iframe><p>Nachher.</p>'
    )
    (post,) = doc.posts
    assert post.platform == "youtube"
    assert post.text == ""
    assert post.status_url == "https://www.youtube-nocookie.com/embed/abc123"


def test_malformed_html_never_raises() -> None:
    for html in (
        "",
        "<blockquote class='twitter-tweet'>",
        "</p></blockquote><p>x",
        "<pre>a\n  b</pre>",
        "\x00<b>",
    ):
        doc = extract_html(html, strict=True)
        for post in doc.posts:
            assert doc.text[post.text_start : post.text_end] == post.text
