"""Fuzz ``quotekit.extract``: the whole built-in chain on any text, with and without options."""

from _harness import PIPELINE, check, main, text_from


def test_one_input(data: bytes) -> None:
    text = text_from(data)
    check(PIPELINE.extract(text), text, "extract")
    if data and data[0] & 4:
        # The same text with a language and a publication date forced.
        lang = "de" if data[0] & 8 else "en"
        check(PIPELINE.extract(text, lang=lang, published="2025-03-14"), text, "extract")


if __name__ == "__main__":
    main(test_one_input)
