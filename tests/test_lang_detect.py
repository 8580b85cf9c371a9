"""The function-word language detector: block verdicts, ties, and the document's language."""

from __future__ import annotations

import quotekit
from quotekit.lang.detect import LanguageDetector, detect_language


def _detector() -> LanguageDetector:
    return LanguageDetector(quotekit.default_pipeline().language_data)


def test_each_block_gets_its_own_language_when_it_has_evidence() -> None:
    text = (
        "Die Regierung hat am Montag in Berlin gesagt, dass sie die neue Regel nicht mehr will.\n"
        "The minister said on Monday that the new rule would not be kept by the government.\n"
        "Der Minister sagte, die Regel werde nicht mehr gelten, und das sei auch gut so.\n"
        "Und dann?\n"
    )
    doc = _detector()(quotekit.Document.from_text(text))
    assert [span.lang for span in doc.languages] == ["de", "en", "de", "de"]
    # the short last block has too little evidence of its own: it takes the document's language
    assert doc.languages[3].confidence == 0.0
    assert all(text[span.start : span.end] == span.text for span in doc.languages)


def test_a_tie_goes_to_the_language_the_text_shows_first() -> None:
    assert detect_language("the der") == "en"
    assert detect_language("der the") == "de"
    assert detect_language("der the und and") == "de"


def test_no_function_word_is_undetermined() -> None:
    assert detect_language("Xylofon Quarz 123") == "und"
    doc = _detector()(quotekit.Document.from_text("Xylofon Quarz"))
    assert doc.lang == "und"
