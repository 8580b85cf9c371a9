"""The opt-in pytest plugin: its fixtures work in a user's test suite, and it is not auto-loaded."""

import pytest

pytest_plugins = ["pytester"]


def test_fixtures_are_available_after_opting_in(pytester: pytest.Pytester):
    pytester.makepyfile(
        test_user="""
        import quotekit
        from quotekit import Annotation

        pytest_plugins = ["quotekit.testing.pytest_plugin"]


        class Upper:
            name = "user.upper"
            requires = ()
            provides = ("user.upper",)

            def __call__(self, doc, /):
                marks = [Annotation(start=i, end=i + 1, text=c, label="upper")
                         for i, c in enumerate(doc.text) if c.isupper()]
                return doc.with_extension("user.upper", marks)


        def test_pipeline(quotekit_pipeline):
            assert quotekit_pipeline.names[0] == "language"
            assert "user.upper" not in quotekit_pipeline.names


        def test_factory(quotekit_pipeline_factory):
            pipeline = quotekit_pipeline_factory(Upper())
            assert pipeline.names[-1] == "user.upper"
            doc = pipeline.extract("Ab C")
            assert [a.text for a in doc.extensions["user.upper"]] == ["A", "C"]


        def test_document(quotekit_document):
            doc = quotekit_document("The talks will go on, she said.", published="2025-03-14")
            assert doc.lang == "en"
            assert str(doc.published) == "2025-03-14"


        def test_contract(check_extractor):
            report = check_extractor(Upper(), large_size=1000, max_examples=5)
            assert report.generated == 5


        def test_hostile(quotekit_hostile_texts):
            assert "lone-surrogates" in quotekit_hostile_texts
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=5)


def test_the_plugin_is_not_loaded_without_opting_in(pytester: pytest.Pytester):
    pytester.makepyfile(
        test_user="""
        def test_no_fixture(quotekit_pipeline):
            pass
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'quotekit_pipeline' not found*"])
