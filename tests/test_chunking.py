"""Structure-aware chunking: passages follow sections, never cut a heading, lead-in or table header from
what follows, carry the document title and heading path as context, and list quotable units."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.ingest.blocks import TextBuilder
from assistant.ingest.chunking import Chunker, context_header
from assistant.types import Document


def document(builder: TextBuilder, title: str = "Introduksjonsprogrammet i Fjellvik") -> Document:
    return Document("doc.html", builder.text, title, "nb", "hash", blocks=tuple(builder.blocks))


def sample() -> TextBuilder:
    builder = TextBuilder()
    builder.heading("Introduksjonsprogrammet i Fjellvik", 1)
    builder.paragraph("Programmet hjelper nyankomne flyktninger med å lære norsk og komme i arbeid.")
    builder.heading("Varighet", 2)
    builder.paragraph("Programmet varer fra tre måneder til to år. Det kan forlenges med inntil ett år.")
    builder.heading("Hvem kan delta?", 2)
    lead = builder.paragraph("Du kan delta hvis du:")
    builder.item("er mellom 18 og 55 år", lead, "l")
    builder.item("har fått opphold som flyktning", lead, "l")
    builder.heading("Stønad", 2)
    header = builder.row(["Husstand", "Per måned"], None, "t")
    builder.row(["Enslig", "21 200 kr"], header, "t")
    builder.row(["Par", "42 400 kr"], header, "t")
    return builder


def test_sections_are_passages_with_their_context() -> None:
    chunks = Chunker(max_tokens=60, min_tokens=0).split(document(sample()))
    texts = [c.text for c in chunks]
    assert any(t.startswith("Varighet\n\nProgrammet varer fra tre måneder") for t in texts)
    duration = next(c for c in chunks if "tre måneder" in c.text)
    assert duration.context == "Introduksjonsprogrammet i Fjellvik" and duration.heading.endswith("Varighet")
    assert duration.indexed_text.startswith("Introduksjonsprogrammet i Fjellvik\n\nVarighet")
    for chunk in chunks:
        assert document(sample()).text[chunk.start : chunk.end] == chunk.text
        assert not chunk.text.rstrip().endswith(("Varighet", "Stønad", "Hvem kan delta?"))  # no heading cut from its text


def test_a_list_stays_with_its_lead_in_and_rows_with_their_header() -> None:
    chunks = Chunker(max_tokens=60, min_tokens=0).split(document(sample()))
    listing = next(c for c in chunks if "er mellom 18" in c.text)
    assert "Du kan delta hvis du:" in listing.text
    items = [u for u in listing.units if u.kind == "item"]
    assert [u.text(listing.text) for u in items] == [
        "Du kan delta hvis du:\ner mellom 18 og 55 år",
        "Du kan delta hvis du:\nhar fått opphold som flyktning",
    ]
    table = next(c for c in chunks if "21 200" in c.text)
    rows = [u.text(table.text) for u in table.units if u.kind == "row"]
    assert rows == ["Husstand | Per måned\nEnslig | 21 200 kr", "Husstand | Per måned\nPar | 42 400 kr"]


def test_headings_and_lead_ins_are_never_units_alone() -> None:
    for chunk in Chunker(max_tokens=60, min_tokens=0).split(document(sample())):
        for unit in chunk.units:
            text = unit.text(chunk.text)
            assert text not in ("Varighet", "Stønad", "Hvem kan delta?", "Du kan delta hvis du:")


def test_short_sections_share_a_passage() -> None:
    chunks = Chunker(max_tokens=200, min_tokens=40).split(document(sample()))
    assert len(chunks) < len(Chunker(max_tokens=200, min_tokens=0).split(document(sample())))


def test_context_header_leaves_out_what_the_passage_starts_with() -> None:
    assert context_header("Title", ("Title", "Stønad"), "Stønad\n\nEnslig") == "Title"
    assert context_header("Title", ("Title", "Stønad"), "Enslig | 21 200 kr") == "Title > Stønad"


def test_seed_page_chunks(tmp_path: Path) -> None:
    from assistant.ingest.corpus import scan_corpus

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for doc in scan_corpus(corpus).documents:
        chunks = Chunker().split(doc)
        assert chunks and all(doc.text[c.start : c.end] == c.text for c in chunks)
        assert all(c.context.startswith(doc.title) for c in chunks)
        assert len({c.chunk_id for c in chunks}) == len(chunks)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300), min_size=1, max_size=12
    )
)
def test_spans_always_index_the_document(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    if not text.strip():
        return
    doc = Document("x.txt", text, "Title", "en", "h")
    for chunk in Chunker(max_tokens=40, min_tokens=0).split(doc):
        assert text[chunk.start : chunk.end] == chunk.text
        for unit in chunk.units:
            assert all(0 <= s < e <= len(chunk.text) for s, e in unit.spans)


def test_a_day_written_as_an_ordinal_ends_no_sentence() -> None:
    from assistant.ingest.sentences import split_sentences

    text = "Die Anmeldung ist bis spätestens 10. April 2026 zu richten. Der Fachtag ist am 23. April. Wir sind 10. Das ist alles."
    assert [s.text for s in split_sentences(text)] == [
        "Die Anmeldung ist bis spätestens 10. April 2026 zu richten.",
        "Der Fachtag ist am 23. April.",
        "Wir sind 10.",
        "Das ist alles.",
    ]
    # every month CLDR names in the source languages, as written or standing alone
    for text in ("Die Erlaubnis gilt bis zum 17. März 2027.", "Kurset starter 1. mai 2026.", "Námskeiðið hefst 3. júlí.",
                 "Kursy zaczynają się 5. czerwca.", "Kursai prasideda 2. gegužės."):  # fmt: skip
        assert len(split_sentences(text + " Sie ist frei.")) == 2, text
    street = "Caféen holdes i Frivillighuset, Sct. Nicolaj Gade 5, 6760 Ribe. Der er ingen café i juli."
    assert len(split_sentences(street)) == 2  # "Sct." (Sankt) of a street's name ends no sentence


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Für private Gespräche, z. B. mit dem Vermieter, kostet es 6 Kronen. Sonst ist es frei.",
         ["Für private Gespräche, z. B. mit dem Vermieter, kostet es 6 Kronen.", "Sonst ist es frei."]),
        ("Sundkortið kostar 38.000 kr. á ári fyrir fullorðinn. Börn fá það frítt.",
         ["Sundkortið kostar 38.000 kr. á ári fyrir fullorðinn.", "Börn fá það frítt."]),
        ("Du behöver ha påbörjat kurs C. Antalet platser är 18.", ["Du behöver ha påbörjat kurs C.", "Antalet platser är 18."]),
        ("Kurs trwa 8 tygodni. ومن ثم يبدأ. ኣብ ሰኑይ።", ["Kurs trwa 8 tygodni.", "ومن ثم يبدأ.", "ኣብ ሰኑይ።"]),
    ],
)  # fmt: skip
def test_an_abbreviation_ends_no_sentence(text: str, sentences: list[str]) -> None:
    from assistant.ingest.sentences import split_sentences

    assert [s.text for s in split_sentences(text)] == sentences


def test_a_sentence_without_a_full_stop_is_quotable_unless_a_list_follows() -> None:
    from assistant.ingest.blocks import is_lead_in

    assert is_lead_in("Du har rett til introduksjonsprogram hvis du")  # before a list: its lead-in
    assert not is_lead_in("Tilmelding sker på hjemmesiden eller hos os", running_on=False)  # a unit of its own
    assert is_lead_in("Du kan deltage, hvis du:", running_on=False)
    assert not is_lead_in("Af Mette Kjærgaard Holm, formand for NNI og integrationschef i Horsens Kommune")  # a byline


@pytest.mark.parametrize(
    ("lines", "language", "date"),
    [
        (["Updated 20 January 2025", "The project starts on 4 March 2025 in Vesterholm."], "en", "2025-01-20"),
        (["Päivitetty 9.1.2026", "Ohjelma kestää yleensä vuoden."], "fi", "2026-01-09"),
        (["Atnaujinta 2026 m. sausio 20 d.", "Kursai prasideda rugsėjo 8 d."], "lt", "2026-01-20"),
        (["Kursen startar 3 mars 2026 i Malmö för alla nyanlända.", "Anmäl dig senast 20 februari."], "sv", None),
    ],
)
def test_a_dateline_under_the_title_dates_the_page_and_is_no_unit(lines: list[str], language: str, date: str | None) -> None:
    from assistant.ingest.datelines import dateline

    builder = TextBuilder()
    builder.heading("Kotoutuminen", 1)
    for line in lines:
        builder.paragraph(line)
    found = dateline(builder.text, builder.blocks, language)
    assert (found[1] if found else None) == date
    document = Document("d.md", builder.text, "Kotoutuminen", language, "h", blocks=tuple(builder.blocks))
    chunk = Chunker().split(document)[0]
    quotable = [chunk.text[s:e] for unit in chunk.units for s, e in unit.spans]
    assert (lines[0] in quotable) is (date is None)
