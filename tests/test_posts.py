"""The posts extractor on scraped text: tweets and other embeds, and lines that are not posts."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit.model import Document, Post
from quotekit.pipeline import default_pipeline
from quotekit.posts import PostParser
from quotekit.posts.dates import EmbedDateParser


@pytest.fixture(scope="module")
def parser() -> PostParser:
    return PostParser(default_pipeline().language_data)


@pytest.fixture(scope="module")
def dates() -> EmbedDateParser:
    return EmbedDateParser(default_pipeline().language_data)


def only_post(text: str) -> Post:
    doc = quotekit.extract(text)
    assert len(doc.posts) == 1, doc.posts
    return doc.posts[0]


ARTICLE = (
    "Der Minister äußerte sich am Abend ausführlich zu den Plänen der Regierung und kündigte an, dass "
    "die Gespräche mit den Ländern in der kommenden Woche fortgesetzt werden sollen. Kritiker aus der "
    "Opposition warfen ihm vor, die Folgen für die Kommunen zu unterschätzen, und forderten eine "
    "Anhörung im Ausschuss, bevor das Kabinett über den Entwurf entscheidet.\n"
)


def test_tweet_in_an_article_takes_only_its_own_lines() -> None:
    tweet = "We will keep talking to everyone involved, and we are not there yet. https://t.co/AbCdEf1234 pic.twitter.com/XyZ1234567"
    text = ARTICLE + tweet + "\n— Jane Example (@jane_example) March 14, 2025\n„Das ist gut so“, sagte sie.\n"
    post = only_post(text)
    assert post.text == tweet
    assert text[post.text_start : post.text_end] == tweet
    assert post.start == len(ARTICLE)
    assert text[post.end - len("March 14, 2025") : post.end] == "March 14, 2025"
    assert post.platform == "twitter"
    assert post.author.name == "Jane Example"
    assert post.author.handle == "jane_example"
    assert post.date == "2025-03-14"
    assert post.date_text == "March 14, 2025"
    assert post.urls == ("https://t.co/AbCdEf1234",)
    assert post.media == ("pic.twitter.com/XyZ1234567",)
    assert post.lang == "en"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("— Jo (@jo) 14. März 2025", "2025-03-14"),
        ("– Jo (@jo) 25. September 2018", "2018-09-25"),
        ("- Jo (@jo) 17 de abril de 2020", "2020-04-17"),
        ("&mdash; Jo (@jo) 2018年6月6日", "2018-06-06"),
        ("— Jo (@jo) 16 мая 2018 г.", "2018-05-16"),
        ("— Jo (@jo) 3 janvier 2021", "2021-01-03"),
        ("— Jo (@jo) May 2, 2020", "2020-05-02"),
    ],
)
def test_dash_kinds_and_embed_date_languages(line: str, date: str) -> None:
    post = only_post("Ein kurzer Beitrag mit Text.\n" + line)
    assert post.date == date
    assert post.author.handle == "jo"
    assert post.text == "Ein kurzer Beitrag mit Text."


def test_missing_date_emoji_name_and_glued_links() -> None:
    text = (
        "Thanks to @SomeMaker for this! #mac#windowspic.twitter.com/AbCdE12345\n"
        "— Sam Sample 🐬 #Team (@sam_s)"
    )
    post = only_post(text)
    assert post.date is None
    assert post.date_text is None
    assert post.author.name == "Sam Sample 🐬 #Team"
    assert post.hashtags == ("#mac", "#windows")
    assert post.mentions == ("@SomeMaker",)
    assert post.media == ("pic.twitter.com/AbCdE12345",)


def test_link_glued_to_the_word_before_it() -> None:
    text = (
        "Read more about the new administrationhttps://t.co/Qw12Er34Ty #COP99\n"
        "— Some Agency (@agency) November 2, 2021"
    )
    post = only_post(text)
    assert post.urls == ("https://t.co/Qw12Er34Ty",)
    assert post.hashtags == ("#COP99",)


def test_status_url_after_the_date_is_kept() -> None:
    text = "Kurzer Text.\n— Jo (@jo) 2. Juni 2018 https://x.com/jo/status/1234567890123"
    post = only_post(text)
    assert post.status_url == "https://x.com/jo/status/1234567890123"
    assert post.status_id == "1234567890123"


def test_truncated_multiline_post_and_cashtags() -> None:
    text = "Markets today:\n$ACME up, $BETA.X down\nMore later…\n— Desk (@desk) October 16, 2024"
    post = only_post(text)
    assert post.text.startswith("Markets today:")
    assert post.cashtags == ("$ACME", "$BETA.X")


def test_bluesky_mastodon_threads_instagram() -> None:
    bluesky = only_post(
        "Posting from the other place.\n— Ann Other (@ann.bsky.social) May 13, 2026 at 1:43 PM"
    )
    assert bluesky.platform == "bluesky"
    assert bluesky.author.handle == "ann.bsky.social"
    assert bluesky.date == "2026-05-13T13:43"

    mastodon = only_post("Post by @alice@social.example\nView on Mastodon")
    assert mastodon.platform == "mastodon"
    assert mastodon.author.handle == "alice@social.example"
    assert mastodon.author.url == "https://social.example/@alice"

    threads = only_post("Post by @bob\nView on Threads")
    assert threads.platform == "threads"

    insta = only_post("View this post on Instagram\nA post shared by Some Shop (@someshop)")
    assert insta.platform == "instagram"
    assert insta.author.name == "Some Shop"
    assert insta.author.handle == "someshop"
    assert insta.text == ""

    german = only_post("Diesen Beitrag auf Instagram ansehen\nEin Beitrag geteilt von Ein Laden (@einladen)")
    assert german.platform == "instagram"
    assert german.author.name == "Ein Laden"


def test_consent_placeholder_is_marked_with_its_platform() -> None:
    text = (
        ARTICLE + "Externer Inhalt von YouTube\n"
        "Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube.\n" + ARTICLE
    )
    post = only_post(text)
    assert post.platform == "youtube"
    assert post.text == ""
    assert text[post.start : post.end].startswith("Externer Inhalt von YouTube")
    assert text[post.start : post.end].endswith("von YouTube.")


@pytest.mark.parametrize(
    "text",
    [
        "Die Ministerin (@ministerin) sagte am 14. März 2025, sie sei zufrieden.",
        "— so schrieb Müller (@mueller) gestern auf Twitter, ohne Details zu nennen.",
        "Folgen Sie uns auf Twitter: @zeitung\nAm 14. März 2025 beginnt die Messe.",
        "Contact: press@example.org, March 14, 2025",
        "Kontakt (@redaktion)",
        "E-Mail an info@example.com schicken.\n— Redaktion",
        "#hashtag and @mention in an ordinary sentence, written on May 2, 2020.",
    ],
)
def test_lines_with_a_handle_or_a_date_are_not_posts(text: str) -> None:
    assert quotekit.extract(text).posts == ()


def test_consecutive_tweets_do_not_swallow_each_other() -> None:
    text = "First post text.\n— One (@one) May 2, 2020\nSecond post text.\n— Two (@two) May 3, 2020\n"
    doc = quotekit.extract(text)
    assert [post.author.handle for post in doc.posts] == ["one", "two"]
    assert [post.text for post in doc.posts] == ["First post text.", "Second post text."]


@pytest.mark.parametrize("intro", ["Der Minister schrieb auf X:", "The senator wrote on Bluesky:"])
def test_a_line_introducing_the_post_is_not_post_text(intro: str) -> None:
    post = only_post(f"{intro}\nWe will not give up on this.\n— Jo (@jo) May 2, 2020")
    assert post.text == "We will not give up on this."


def test_repeated_page_labels_are_not_post_text() -> None:
    text = "Article content\nSome prose.\nArticle content\nI am watching this closely.\n— Rep (@rep) May 8, 2025\n"
    post = only_post(text)
    assert post.text == "I am watching this closely."


def test_post_language_is_its_own(parser: PostParser) -> None:
    text = (
        ARTICLE
        + "We are absolutely not there yet, and we have to keep the pressure on.\n— TV (@tv) 14. März 2025\n"
    )
    (post,) = parser.find(text)
    assert post.lang == "en"
    assert parser.language_of("みんなに知っておいて欲しいんだけど") == "ja"
    assert parser.language_of("") is None


def test_embed_dates(dates: EmbedDateParser) -> None:
    found = dates.match("1:43 PM · May 13, 2026")
    assert found is not None
    assert found.value == "2026-05-13T13:43"
    assert dates.match("31. Februar 2020") is None
    assert dates.match("gestern") is None
    found = dates.match("7 января 2018 г.")
    assert found is not None
    assert found.value == "2018-01-07"


def test_offsets_survive_crlf_and_marks() -> None:
    text = "\u200fText mit\r\nZeilen\r\n— Jo (@jo) 2. Juni 2018\r\n"
    post = only_post(text)
    assert text[post.text_start : post.text_end] == post.text
    assert post.date == "2018-06-02"


def test_trailing_links_option(parser: PostParser) -> None:
    assert parser.configure({}) is parser
    with pytest.raises(ValueError, match="trailing_links"):
        parser.configure({"x": 1})
    with pytest.raises(ValueError, match="trailing_links"):
        parser.configure({"trailing_links": "maybe"})
    text = "Not there yet. https://t.co/AbCdEf1234 pic.twitter.com/XyZ1234567\n— Jo (@jo) May 2, 2020"
    (kept,) = parser.find(text)
    (dropped,) = parser.configure({"trailing_links": "drop"}).find(text)
    assert kept.text.endswith("pic.twitter.com/XyZ1234567")
    assert dropped.text == "Not there yet."
    assert dropped.urls == kept.urls == ("https://t.co/AbCdEf1234",)
    assert dropped.media == kept.media
    doc = quotekit.extract(text, options={"posts": {"trailing_links": "drop"}})
    assert doc.posts[0].text == "Not there yet."


@functools.cache
def _parser() -> PostParser:
    return PostParser(default_pipeline().language_data)


ALPHABET = st.sampled_from([*"a@#$.:/-—_ (\n)\u00a0＠é中0", "http://", "t.co/", "(@", "— N (@h) May 2, 2020"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_never_raises_and_offsets_hold(text: str) -> None:
    # Only this extractor: other extractors' behaviour on random text is their own tests' business.
    posts = _parser().find(text)
    doc = Document(text=text, posts=posts)  # the Document checks every offset
    for post in doc.posts:
        assert post.start <= post.text_start <= post.text_end <= post.end


def test_posts_the_document_holds_are_kept_and_not_found_twice(parser: PostParser) -> None:
    # The HTML reader puts the posts it read from the embeds' markup on the document first;
    # the plain-text reading must keep them and add only posts outside them.
    text = (
        "Kern sagte, die Kosten seien zu hoch.\n"
        "Heute im Rat: Radwege für alle!\n"
        "— Petra Lindner (@petralindner) November 19, 2026\n\n"
        "Another one, far below.\n"
        "— Sam Lee (@samlee) March 3, 2025\n"
    )
    from_markup = parser.find(text, start=text.index("Heute"), end=text.index("\n\n"))
    assert len(from_markup) == 1
    doc = parser(Document.from_text(text).evolve(posts=from_markup))
    assert doc.posts[0] == from_markup[0], "the markup's post is kept as it was"
    assert [post.author.handle for post in doc.posts] == ["petralindner", "samlee"]
    assert doc.posts[0].text.startswith("Heute"), "the article line above is not taken in"
