"""The pipeline: ordering by declared needs, replacement, disabling, error isolation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import pytest
import regex

import quotekit
from quotekit import Annotation, Document, ExtractorError, Pipeline, PipelineError


@attrs.frozen
class Marker:
    """Marks the first character with its name, after checking its needs ran first."""

    name: str
    requires: Sequence[str] = ()
    # declares the layer it writes, as the pipeline's contract check demands
    provides: Sequence[str] = attrs.field(
        default=attrs.Factory(lambda self: (f"test.{self.name}",), takes_self=True)
    )
    after: Sequence[str] = ()
    before: Sequence[str] = ()

    def __call__(self, doc: Document, /) -> Document:
        for layer in self.requires:
            if "." in layer:
                assert layer in doc.extensions, f"{self.name} ran before {layer} existed"
        layer = self.provides[0]
        end = min(1, len(doc.text))
        return doc.with_extension(layer, [Annotation(start=0, end=end, text=doc.text[:end], label=self.name)])


class Failing:
    name = "failing"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("test.failing",)

    def __call__(self, doc: Document, /) -> Document:
        raise RuntimeError("boom")


class TextChanger:
    name = "changer"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def __call__(self, doc: Document, /) -> Document:
        return Document(text=doc.text + "!")


class NotADocument:
    name = "liar"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def __call__(self, doc: Document, /) -> Any:
        return {"text": doc.text}


def test_order_follows_requires_not_registration() -> None:
    pipeline = Pipeline(
        [
            Marker("c", requires=["test.b"], provides=["test.c"]),
            Marker("b", requires=["test.a"], provides=["test.b"]),
            Marker("a", provides=["test.a"]),
        ],
        autoload=False,
    )
    assert pipeline.names == ("a", "b", "c")
    doc = pipeline.extract("Hallo")
    assert set(doc.extensions) == {"test.a", "test.b", "test.c"}


def test_registration_order_breaks_ties() -> None:
    pipeline = Pipeline([Marker("x"), Marker("y"), Marker("z")], autoload=False)
    assert pipeline.names == ("x", "y", "z")


def test_soft_after_and_before() -> None:
    pipeline = Pipeline(
        [
            Marker("late", after=["test.early"]),
            Marker("early", provides=["test.early"]),
            Marker("first", before=["early"]),
        ],
        autoload=False,
    )
    assert pipeline.names == ("first", "early", "late")
    # A soft need that nobody provides is no error.
    assert Pipeline([Marker("alone", after=["nothing.here"])], autoload=False).names == ("alone",)


def test_unmet_requirement_and_cycle_fail_loudly() -> None:
    with pytest.raises(PipelineError, match=r"requires 'test\.missing'"):
        Pipeline([Marker("a", requires=["test.missing"])], autoload=False)
    with pytest.raises(PipelineError, match="cycle"):
        Pipeline(
            [
                Marker("a", requires=["test.b"], provides=["test.a"]),
                Marker("b", requires=["test.a"], provides=["test.b"]),
            ],
            autoload=False,
        )


def test_duplicate_names_and_non_extractors_are_refused() -> None:
    with pytest.raises(PipelineError, match="registered already"):
        Pipeline([Marker("a"), Marker("a")], autoload=False)
    with pytest.raises(PipelineError, match="not an extractor"):
        Pipeline([object()], autoload=False)  # type: ignore[list-item]
    with pytest.raises(PipelineError, match="sequence of names"):
        Pipeline([Marker("a", requires="test.b")], autoload=False)


def test_a_failing_extractor_becomes_a_diagnostic_and_the_rest_still_run() -> None:
    pipeline = Pipeline([Failing(), Marker("after")], autoload=False)
    doc = pipeline.extract("Hallo")
    assert [(d.extractor, d.code, d.severity) for d in doc.diagnostics] == [
        ("failing", "extractor-failed", "error")
    ]
    assert "boom" in doc.diagnostics[0].message
    assert "test.after" in doc.extensions
    assert doc.text == "Hallo"


def test_strict_mode_raises_with_the_extractor_named() -> None:
    with pytest.raises(ExtractorError, match="'failing'") as info:
        Pipeline([Failing()], autoload=False, strict=True).extract("Hallo")
    assert isinstance(info.value.__cause__, RuntimeError)


@pytest.mark.parametrize("extractor", [TextChanger(), NotADocument()])
def test_contract_breaches_are_reported(extractor: Any) -> None:
    doc = Pipeline([extractor], autoload=False).extract("Hallo")
    assert doc.diagnostics[0].extractor == extractor.name
    assert doc.text == "Hallo"


def test_only_a_regex_timeout_is_labelled_regex_timeout() -> None:
    class Catastrophic(Failing):
        name = "catastrophic"

        def __call__(self, doc: Document, /) -> Document:
            regex.match(r"(?:a|aa)+$", "a" * 5000 + "b", timeout=0.01)
            return doc

    class OwnTimeout(Failing):
        name = "own-timeout"

        def __call__(self, doc: Document, /) -> Document:
            raise TimeoutError("the service did not answer")  # a plugin's own, not a regex's

    doc = Pipeline([Catastrophic()], autoload=False).extract("x")
    assert [d.code for d in doc.diagnostics] == ["regex-timeout"]
    doc = Pipeline([OwnTimeout()], autoload=False).extract("x")
    assert [d.code for d in doc.diagnostics] == ["extractor-failed"]


class TestBuiltins:
    def test_builtins_register_like_plugins(self) -> None:
        rows = Pipeline(autoload=False).describe()
        assert [row["name"] for row in rows] == ["language", "posts", "dates", "quotes", "boilerplate"]
        assert {row["plugin"] for row in rows} == {"quotekit.builtins"}

    def test_a_plugin_replaces_and_disables_builtins(self) -> None:
        class Plugin:
            @quotekit.hookimpl
            def quotekit_register_extractors(self, registry: quotekit.ExtractorRegistry) -> None:
                registry.replace(Marker("quotes", provides=["quotes", "entities"]))
                registry.disable("boilerplate")

        pipeline = Pipeline(plugins=[Plugin()], autoload=False)
        assert "boilerplate" not in pipeline.names
        assert isinstance(pipeline.extractors[pipeline.names.index("quotes")], Marker)

    def test_adding_an_existing_name_says_to_replace(self) -> None:
        class Plugin:
            @quotekit.hookimpl
            def quotekit_register_extractors(self, registry: quotekit.ExtractorRegistry) -> None:
                registry.add(Marker("quotes"))

        with pytest.raises(PipelineError, match="replace"):
            Pipeline(plugins=[Plugin()], autoload=False)

    def test_a_misspelt_hook_fails_loudly(self) -> None:
        class Plugin:
            @quotekit.hookimpl
            def quotekit_register_extractor(self, registry: Any) -> None:  # missing "s"
                pass

        with pytest.raises(Exception, match="unknown hook"):
            Pipeline(plugins=[Plugin()], autoload=False)

    def test_a_plugin_extends_language_data(self) -> None:
        class French:
            @quotekit.hookimpl
            def quotekit_language_data(self, registry: Any) -> None:
                registry.add(
                    "fr", "function_words", ["le", "la", "les", "et", "est", "une", "des", "que", "qui"]
                )

        pipeline = Pipeline(plugins=[French()], autoload=False)
        assert "fr" in pipeline.language_data.languages
        doc = pipeline.extract(
            "Le président a dit que la réforme est une nécessité et que les gens le savent."
        )
        assert doc.lang == "fr"

    def test_disable_by_option_and_unknown_options(self) -> None:
        doc = quotekit.extract("Hallo Welt, das ist ein Test.", options={"disable": ["language"]})
        assert doc.lang == "und"
        with pytest.raises(ValueError, match="unknown extractors"):
            quotekit.extract("x", options={"nonexistent": {"a": 1}})
        with pytest.raises(ValueError, match="takes no options"):
            quotekit.extract("x", options={"language": {"a": 1}})


class TestApi:
    def test_extract_type_and_value_errors(self) -> None:
        with pytest.raises(TypeError, match="str"):
            quotekit.extract(b"bytes")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="not a date"):
            quotekit.extract("x", published="gestern")

    def test_lang_overrides_detection(self) -> None:
        assert quotekit.extract("The minister said that the plan is ready.").lang == "en"
        assert quotekit.extract("The minister said that the plan is ready.", lang="de").lang == "de"

    def test_extract_many_streams_in_order(self) -> None:
        items = ["Erster Text und noch mehr.", {"text": "The second one is here.", "id": "b"}, "Dritter."]
        docs = list(quotekit.extract_many(items))
        assert [d.text for d in docs] == ["Erster Text und noch mehr.", "The second one is here.", "Dritter."]
        assert docs[1].id == "b"
        # a bad item is an error result, and the stream goes on (issue 19, item 7); strict raises
        [bad, good] = list(quotekit.extract_many([42, "Gut."]))  # type: ignore[list-item]
        assert "str items or mappings" in bad.errors[0].message
        assert good.text == "Gut."
        with pytest.raises(TypeError, match="str items or mappings"):
            list(quotekit.extract_many([42], strict=True))  # type: ignore[list-item]
        (bad,) = quotekit.extract_many([42])  # type: ignore[list-item]
        assert [d.code for d in bad.diagnostics] == ["invalid-item"]

    def test_extract_many_in_processes_gives_the_same_documents(self) -> None:
        texts = [f"Text Nummer {i}, und der ist auf Deutsch." for i in range(6)]
        assert list(quotekit.extract_many(texts, n_process=2, batch_size=2)) == list(
            quotekit.extract_many(texts)
        )
        with pytest.raises(ValueError, match="n_process"):
            list(quotekit.extract_many(texts, n_process=0))

    def test_the_default_pipeline_is_built_once(self) -> None:
        assert quotekit.default_pipeline() is quotekit.default_pipeline()


class TestLanguageDetection:
    def test_document_and_block_languages(self) -> None:
        text = (
            "Der Minister sagte am Montag, dass die Regierung den Plan nicht ändern werde.\n"
            "The minister said on Monday that the government would not change the plan.\n"
            "Danach war es still im Saal, und niemand sagte noch etwas dazu.\n"
        )
        doc = quotekit.extract(text)
        assert doc.lang == "de"
        assert [span.lang for span in doc.languages] == ["de", "en", "de"]
        assert doc.lang_at(text.index("government")) == "en"
        for span in doc.languages:
            assert text[span.start : span.end] == span.text

    def test_short_blocks_take_the_document_language(self) -> None:
        doc = quotekit.extract("Die Regierung und die Opposition sind sich nicht einig, sagt er.\nOK\n")
        assert [span.lang for span in doc.languages] == ["de", "de"]

    def test_no_evidence_is_undetermined(self) -> None:
        assert quotekit.extract("1234 5678").lang == "und"
        assert quotekit.extract("").lang == "und"
