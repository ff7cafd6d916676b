from assistant.chunking import Chunker, count_tokens, is_heading_line
from assistant.corpus import scan_corpus
from assistant.sentences import split_sentences
from assistant.types import Document
from tests.conftest import CORPUS


def make_doc(text: str, doc_id: str = "a.txt") -> Document:
    return Document(doc_id=doc_id, text=text, title="t", language="en", content_hash="h")


def test_spans_round_trip_on_the_seed_corpus() -> None:
    chunker = Chunker(200, 30)
    for document in scan_corpus(CORPUS).documents:
        chunks = chunker.split(document)
        assert chunks, document.doc_id
        for chunk in chunks:
            assert document.text[chunk.start : chunk.end] == chunk.text
            assert count_tokens(chunk.text) <= 200 + 30  # a heading may be glued to its paragraph


def test_chunk_ids_are_stable_and_unique() -> None:
    document = next(d for d in scan_corpus(CORPUS).documents if d.doc_id.startswith("000"))
    first = [c.chunk_id for c in Chunker(200, 30).split(document)]
    second = [c.chunk_id for c in Chunker(200, 30).split(document)]
    assert first == second
    assert len(set(first)) == len(first)


def test_identical_paragraphs_get_distinct_ids() -> None:
    text = "Heading one\n\nSame paragraph text here.\n\nHeading two\n\nSame paragraph text here."
    chunks = Chunker(20, 0).split(make_doc(text))
    ids = [c.chunk_id for c in chunks]
    assert len(ids) == len(set(ids))


def test_navigation_lines_are_not_indexed_but_spans_still_point_into_the_file() -> None:
    text = "Vælg sprog for vores globale side\n\nVælg en landeside\n\nTitle here\n\nReal content sentence one. Another one."
    chunks = Chunker(200, 0).split(make_doc(text))
    assert all("Vælg" not in c.text for c in chunks)
    assert chunks[0].text.startswith("Title here")
    assert text[chunks[0].start : chunks[0].end] == chunks[0].text


def test_headings_start_sections_and_are_recorded() -> None:
    text = "Labour market\n\nA job matters. It helps.\n\nCities\n\nCities play a role in integration."
    chunks = Chunker(200, 0).split(make_doc(text))
    assert [c.heading for c in chunks] == ["Labour market", "Cities"]
    assert chunks[1].text.startswith("Cities")


def test_long_paragraphs_are_cut_at_sentences_with_overlap() -> None:
    sentences = " ".join(f"Sentence number {i} talks about integration of refugees in towns." for i in range(60))
    chunks = Chunker(60, 15).split(make_doc(sentences))
    assert len(chunks) > 5
    assert all(count_tokens(c.text) <= 60 for c in chunks)
    assert chunks[1].start < chunks[0].end  # neighbours overlap


def test_heading_detection() -> None:
    assert is_heading_line("Samarbejde med byer")
    assert is_heading_line("## Section")
    assert not is_heading_line("This is a sentence.")
    assert not is_heading_line("lowercase start is not a heading")


def test_sentences_keep_offsets_and_respect_abbreviations() -> None:
    text = "2022 m. gruodžio 5 – 9 d. Šiaurės šalių iniciatyva. Kitas sakinys! Trečias?"
    sentences = split_sentences(text)
    assert sentences[0].text.startswith("2022 m. gruodžio 5 – 9 d. Šiaurės")
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert len(sentences) == 3


def test_long_sentences_also_give_their_clauses() -> None:
    from assistant.sentences import clauses, split_sentences

    text = (
        "Intro. Det kan t.ex. handla om hur fler nyanlända kommer i arbete, effektiva metoder för att förbättra "
        "nyanländas utbildningsresultat eller hur man skapar en positiv utveckling i segregerade stadsdelar, "
        "säger Nordens välfärdscenters direktör Ewa Persson Göransson."
    )
    long_sentence = split_sentences(text)[1]
    parts = clauses(long_sentence)
    assert [p.text for p in parts][-1] == "säger Nordens välfärdscenters direktör Ewa Persson Göransson."
    assert all(text[p.start : p.end] == p.text for p in parts)
    assert all(len(p.text) >= 60 for p in parts)
    assert clauses(split_sentences(text)[0]) == []  # short sentences have none


def test_context_windows_span_the_neighbours_in_document_order() -> None:
    text = "\n\n".join(f"Heading {i}\n\nParagraph {i} about integration of refugees in towns." for i in range(4))
    document = make_doc(text)
    chunker = Chunker(20, 0, context=1)
    chunks = chunker.split(document)
    assert len(chunks) == 4
    windows = chunker.contexts(document, list(reversed(chunks)))[::-1]  # order of the input is kept
    assert windows[0] == text[chunks[0].start : chunks[1].end]
    assert windows[2] == text[chunks[1].start : chunks[3].end]
    assert windows[3] == text[chunks[2].start : chunks[3].end]
    assert Chunker(20, 0, context=0).contexts(document, chunks) == [c.text for c in chunks]
    assert chunker.params["context"] == 1 != Chunker(20, 0, context=2).params["context"]
