"""The stanza adapter on real stanza Documents read from CoNLL-U the team annotated, and its loading code.

No stanza model can be fetched here: the parses come from tests/data/conllu (German and English
sentences with quotes, multi-word tokens, heads, relations and entity tags as a parser gives
them), read with stanza's own CoNLL utilities; loading is tested against fake resources dirs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotekit
from quotekit.backends.stanza_backend import (
    PROCESSORS,
    StanzaBackend,
    processors_for,
    resources_dir,
    syntax_from_stanza,
)
from quotekit.cli import main
from quotekit.syntax import BackendError

stanza_conll = pytest.importorskip(
    "stanza.utils.conll", reason="stanza is not installed: pip install 'quotekit[stanza]'"
)

DATA = Path(__file__).parent / "data" / "conllu"


def _sentences(lang: str) -> list[str]:
    """The CoNLL-U blocks of one file, one sentence each (comment lines kept)."""
    blocks = (DATA / f"{lang}.conllu").read_text(encoding="utf-8").strip().split("\n\n")
    return [block.strip() + "\n\n" for block in blocks]


def _doc(conllu: str) -> Any:
    return stanza_conll.CoNLL.conll2doc(input_str=conllu, reconstruct_text=True)


class FakeNLP:
    """A stanza pipeline stand-in: bulk_process hands back the CoNLL-U parse of each paragraph."""

    def __init__(self, conllu: list[str]) -> None:
        self.parses = {_doc(block).text: block for block in conllu}
        self.batches: list[list[str]] = []

    def bulk_process(self, texts: list[str]) -> list[Any]:
        self.batches.append(list(texts))
        return [_doc(self.parses[text]) for text in texts]


def _resources(tmp_path: Path, lang: str, *, mwt: bool, skip: str | None = None) -> Path:
    processors = {p: "default" for p in PROCESSORS if p != "mwt" or mwt}
    (tmp_path / "resources.json").write_text(json.dumps({lang: {"default_processors": processors}}))
    for processor in processors:
        if processor != skip:
            folder = tmp_path / lang / processor
            folder.mkdir(parents=True)
            (folder / "default.pt").write_bytes(b"weights")
    return tmp_path


def _backend_for(tmp_path: Path, lang: str, nlp: FakeNLP, calls: list[dict[str, Any]]) -> StanzaBackend:
    def loader(**kwargs: Any) -> FakeNLP:
        calls.append(kwargs)
        return nlp

    return StanzaBackend(resources=_resources(tmp_path, lang, mwt=lang == "de"), loader=loader)


# ---------------------------------------------------------------- reading stanza Documents


def test_multi_word_tokens_share_the_surface_span() -> None:
    doc = _doc(_sentences("de")[0])
    syntax = syntax_from_stanza(doc.text, [(0, doc)])
    zum = [word for word in syntax.words if word.text == "zum"]
    assert [word.form for word in zum] == ["zu", "dem"]
    assert {(w.start, w.end) for w in zum} == {(doc.text.index("zum"), doc.text.index("zum") + 3)}
    assert zum[1].feature("Case") == "Dat"
    ende = syntax.words[zum[1].head]  # dem -> Ende: heads are indices into all words
    assert ende.form == "Ende"
    assert syntax.words[ende.head].form == "kommen"


def test_offsets_map_back_to_the_text_exactly() -> None:
    docs = [_doc(block) for block in _sentences("de")]
    text = "\n\n".join(doc.text for doc in docs)
    offsets = [0, len(docs[0].text) + 2]
    syntax = syntax_from_stanza(text, zip(offsets, docs, strict=True))
    syntax.check(text)
    for word in syntax.words:
        assert text[word.start : word.end] == word.text
    assert [text[s.start : s.end] for s in syntax.sentences] == [doc.text for doc in docs]
    assert [(e.text, e.type) for e in syntax.entities] == [("Anna Berg", "PER"), ("Anna Berg", "PER")]
    assert syntax.entities[1].start > len(docs[0].text)
    roots = [word.form for word in syntax.words if word.head is None]
    assert roots == ["sagte", "lächelte"]
    assert all(word.relation == "root" for word in syntax.words if word.head is None)


def test_ontonotes_labels_become_the_neutral_types() -> None:
    doc = _doc(_sentences("en")[0])
    syntax = syntax_from_stanza(doc.text, [(0, doc)])
    assert [(e.text, e.type, e.label) for e in syntax.entities] == [("Nora Blake", "PER", "PERSON")]


# ---------------------------------------------------------------- the backend: batching and loading


def test_annotate_batches_paragraphs_per_language_and_shifts_offsets(tmp_path: Path) -> None:
    blocks = _sentences("de")
    nlp = FakeNLP(blocks)
    calls: list[dict[str, Any]] = []
    backend = _backend_for(tmp_path, "de", nlp, calls)
    paragraphs = list(nlp.parses)
    text = f"  {paragraphs[0]}\n\n{paragraphs[1]}\n"
    syntax = backend.annotate(text, [(0, len(text), "de")])
    assert nlp.batches == [paragraphs]  # one bulk call with every paragraph
    syntax.check(text)
    assert [text[s.start : s.end] for s in syntax.sentences] == paragraphs
    backend.annotate(text, [(0, len(text), "de")])
    assert len(calls) == 1  # the pipeline is loaded once per process and language


def test_loader_gets_the_processors_and_never_downloads(tmp_path: Path) -> None:
    calls: list[dict[str, Any]] = []
    backend = _backend_for(tmp_path, "de", FakeNLP(_sentences("de")), calls)
    backend.pipeline("de")
    assert calls == [
        {
            "lang": "de",
            "dir": str(tmp_path),
            "processors": "tokenize,mwt,pos,lemma,depparse,ner",
            "download_method": None,
            "logging_level": "WARN",
        }
    ]


def test_languages_without_multi_word_tokens_load_no_mwt(tmp_path: Path) -> None:
    assert processors_for("en", _resources(tmp_path, "en", mwt=False)) == (
        "tokenize",
        "pos",
        "lemma",
        "depparse",
        "ner",
    )


@pytest.mark.parametrize("broken", ["no index", "no language", "no depparse"])
def test_a_missing_model_names_the_download_command(tmp_path: Path, broken: str) -> None:
    if broken == "no language":
        _resources(tmp_path, "en", mwt=False)
    elif broken == "no depparse":
        _resources(tmp_path, "de", mwt=True, skip="depparse")
    backend = StanzaBackend(resources=tmp_path, loader=lambda **_: pytest.fail("loaded without a model"))
    with pytest.raises(BackendError, match="quotekit models download de"):
        backend.annotate("Er sagte, es regne.", [(0, 19, "de")])


def test_stanza_resources_dir_is_read_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "elsewhere"))
    with pytest.raises(BackendError, match="elsewhere"):
        StanzaBackend(loader=lambda **_: None).pipeline("de")


def test_a_missing_model_stops_extract_even_when_not_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(BackendError, match="quotekit models download de"):
        quotekit.extract("„Wir sind bereit“, sagte die Ministerin am Freitag.", backend="stanza")


# ---------------------------------------------------------------- real weights, where present


def _has_models() -> bool:
    return (resources_dir() / "de" / "depparse").is_dir()


@pytest.mark.skipif(not _has_models(), reason="no stanza models here: run `quotekit models download de`")
def test_real_german_model_parses_a_quote() -> None:
    doc = quotekit.extract("„Wir sind bereit“, sagte die Ministerin am Freitag.", backend="stanza")
    assert doc.syntax is not None
    assert any(word.relation == "nsubj" for word in doc.syntax.words)


# ---------------------------------------------------------------- quotekit models download


def test_models_download_wraps_stanza_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import stanza

    calls: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(stanza, "download", lambda lang, **kwargs: calls.append((lang, kwargs)))
    assert main(["models", "download", "de", "en", "--dir", str(tmp_path)]) == 0
    assert [lang for lang, _ in calls] == ["de", "en"]
    assert all(kwargs["model_dir"] == str(tmp_path) for _, kwargs in calls)
    assert all(kwargs["processors"] == ",".join(PROCESSORS) for _, kwargs in calls)
    assert str(tmp_path) in capsys.readouterr().out


def test_models_download_without_network_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import stanza

    def offline(lang: str, **_: Any) -> None:
        raise ConnectionError("no route to the model host")

    monkeypatch.setattr(stanza, "download", offline)
    assert main(["models", "download", "de", "--dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "could not download the models for 'de'" in err
    assert "Traceback" not in err
