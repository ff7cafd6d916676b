"""Loaders keep a document's structure: headings with levels, list items with their lead-in, table rows with
their header, short-line blocks; page furniture and running headers are dropped."""

from pathlib import Path
from typing import Any

import pytest

from assistant.ingest.blocks import TextBuilder, clean_inline
from assistant.ingest.cleaning import is_page_furniture
from assistant.ingest.loaders import UnreadableFile, load_file
from assistant.types import Block

DATA = Path(__file__).parent / "data"

HTML = """<!doctype html><html lang="nb"><head><title>Introduksjonsprogrammet | Fjellvik kommune</title>
<style>body{}</style><script>var x = 1;</script></head><body>
<div class="cookie-banner">Vi bruker informasjonskapsler. <button>Godta alle</button></div>
<header><nav><ul><li>Hjem</li><li>Tjenester</li></ul></nav></header>
<nav class="breadcrumb">Hjem › Innvandring</nav>
<main><h1>Introduksjonsprogrammet</h1>
<p>Programmet er for deg som har fått opphold i Fjellvik.</p>
<h2>Hvem kan delta?</h2><p>Du kan delta hvis du:</p>
<ul><li>er mellom 18 og 55 år</li><li>har fått opphold som flyktning</li></ul>
<h2>Stønad</h2><table><thead><tr><th>Husstand</th><th>Per måned</th></tr></thead>
<tbody><tr><td>Enslig</td><td>21 200 kr</td></tr><tr><td>Par</td><td>42 400 kr</td></tr></tbody></table>
<address>Fjellvik kommune<br>Storgata 1<br>Tlf. 55 12 34 56</address></main>
<aside class="related">Relaterte lenker</aside><footer>© Fjellvik kommune · Personvern</footer></body></html>"""

MARKDOWN = """---
title: Etableringsprogrammet
date: 2026-01-15
language: sv
tags: [Sverige, arbete]
---
# Etableringsprogrammet

Programmet varar i **högst två år**.

## Ersättning

Du får ersättning om du:

- deltar på heltid
- har en plan

| Hushåll | Per dag |
|---|---|
| Vuxen | 312 kr |
"""

TEXT = """Skip to content
Menu

Integrationsprogrammet

Programmet varer op til fem år.

Sådan søger du
- Kontakt jobcentret
- Book et møde

Kontakt
Holmstrup Kommune
Rådhuspladsen 1
Tlf. 70 10 20 30
"""


def blocks_of(text: str, blocks: tuple[Block, ...], kind: str) -> list[str]:
    return [text[b.start : b.end] for b in blocks if b.kind == kind]


def load_text(path: Path, text: str) -> Any:
    path.write_text(text, encoding="utf-8")
    return load_file(path)


def loaded_word_file(document: Any, path: Path) -> Any:
    """A python-docx document saved to ``path`` and read back by the loader."""
    document.save(str(path))
    return load_file(path)


def test_html_keeps_structure_and_drops_furniture(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    loaded = load_file(path)
    text = loaded.text
    assert loaded.metadata["title"] == "Introduksjonsprogrammet" and loaded.metadata["language"] == "nb"
    for furniture in ("informasjonskapsler", "Tjenester", "Relaterte", "Personvern", "var x", "Hjem ›"):
        assert furniture not in text
    assert blocks_of(text, loaded.blocks, "heading") == ["Introduksjonsprogrammet", "Hvem kan delta?", "Stønad"]
    items = [b for b in loaded.blocks if b.kind == "item"]
    assert [text[b.start : b.end] for b in items] == ["er mellom 18 og 55 år", "har fått opphold som flyktning"]
    assert all(b.lead is not None and text[b.lead[0] : b.lead[1]] == "Du kan delta hvis du:" for b in items)
    rows = [b for b in loaded.blocks if b.kind == "row"]
    assert text[rows[0].start : rows[0].end] == "Husstand | Per måned" and rows[0].lead is None
    assert all(text[b.lead[0] : b.lead[1]] == "Husstand | Per måned" for b in rows[1:] if b.lead)
    assert blocks_of(text, loaded.blocks, "lines") == ["Fjellvik kommune\nStorgata 1\nTlf. 55 12 34 56"]
    assert all(0 <= b.start < b.end <= len(text) for b in loaded.blocks)


def test_markdown_front_matter_with_an_unquoted_date_and_structure(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    loaded = load_file(path)
    assert loaded.metadata["date"] == "2026-01-15" and loaded.metadata["tags"] == ["Sverige", "arbete"]
    assert not loaded.warnings
    levels = [(loaded.text[b.start : b.end], b.level) for b in loaded.blocks if b.kind == "heading"]
    assert levels == [("Etableringsprogrammet", 1), ("Ersättning", 2)]
    assert "**" not in loaded.text and "högst två år" in loaded.text
    items = [b for b in loaded.blocks if b.kind == "item"]
    assert len(items) == 2 and all(loaded.text[b.lead[0] : b.lead[1]] == "Du får ersättning om du:" for b in items if b.lead)
    assert "Vuxen | 312 kr" in blocks_of(loaded.text, loaded.blocks, "row")


def test_plain_text_headings_lists_and_contact_lines(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(TEXT, encoding="utf-8")
    loaded = load_file(path)
    assert "Skip to content" not in loaded.text
    headings = blocks_of(loaded.text, loaded.blocks, "heading")
    assert "Integrationsprogrammet" in headings and "Sådan søger du" in headings and "Kontakt" in headings
    assert blocks_of(loaded.text, loaded.blocks, "item") == ["Kontakt jobcentret", "Book et møde"]
    assert blocks_of(loaded.text, loaded.blocks, "lines") == ["Holmstrup Kommune\nRådhuspladsen 1\nTlf. 70 10 20 30"]


@pytest.mark.parametrize("name", ["guide.docx", "guide.pdf"])
def test_office_and_pdf_documents(name: str) -> None:
    loaded = load_file(DATA / name)
    text = loaded.text
    assert loaded.metadata["title"] == "Kotoutumisohjelma – opas"
    assert "Harjulan kaupunki" not in text and "Sivu 1" not in text  # running header and footer
    assert "  " not in text  # justified double spaces are normalised
    headings = blocks_of(text, loaded.blocks, "heading")
    assert headings[:3] == ["Kotoutumisohjelma – opas", "Kuka voi osallistua?", "Tuki"]
    items = [b for b in loaded.blocks if b.kind == "item"]
    assert [text[b.start : b.end] for b in items] == ["oleskelulupakortti", "henkilötunnus"]
    assert all(b.lead is not None and text[b.lead[0] : b.lead[1]] == "Ota mukaan:" for b in items)
    rows = blocks_of(text, loaded.blocks, "row")
    assert rows[:3] == ["Kotitalous | Tuki kuukaudessa", "Yksin asuva | 981 euroa", "Kaksi lasta | 1 120 euroa"]


def test_clean_inline_normalises_spaces_and_soft_hyphens() -> None:
    assert clean_inline("Päätös  on\u00a0 maksul\u00adlinen\n ja  lopullinen ") == "Päätös on maksullinen ja lopullinen"


def test_builder_spans_index_the_text() -> None:
    builder = TextBuilder()
    heading = builder.heading("Title", 1)
    lead = builder.paragraph("You can take part if you:")
    first = builder.item("live here", lead, "l")
    builder.item("are over 18", lead, "l")
    assert builder.text == "Title\n\nYou can take part if you:\n\nlive here\nare over 18"
    assert heading is not None and first is not None and lead is not None
    assert builder.text[first.start : first.end] == "live here" and first.lead == (lead.start, lead.end)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"   ", "empty file"),
        ("binary.txt", b"\x00\x01\x02binary", "binary data"),
        ("broken.docx", b"not a zip", "not a valid DOCX"),
        ("broken.pdf", b"%PDF-1.4 garbage", "corrupt PDF"),
        ("notes.xyz", b"hello", "unsupported file type"),
    ],
)
def test_unreadable_files_say_why(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableFile, match=reason):
        load_file(path)


def test_pdf_indented_lines_below_a_lead_in_are_a_list_whose_bullets_were_drawn() -> None:
    from assistant.ingest.pdf import Line, parse_pdf_lines

    texts = [  # (text, left, right): a browser's print draws the bullets, so the items are only indented
        ("Familien können Beratung bekommen, und zwar kostenlos und in mehreren Sprachen, wenn:", 50.0, 500.0),
        ("Sie in Turku wohnen,", 80.0, 200.0),
        ("Sie eine Aufenthaltserlaubnis oder einen vorübergehenden Schutz haben, der noch", 80.0, 500.0),
        ("mindestens sechs Monate gilt,", 80.0, 230.0),
        ("Ihr Abschluss außerhalb Finnlands erworben wurde.", 80.0, 330.0),
        ("Die Beratung ist kostenlos und vertraulich, und sie findet im International House statt, wo auch", 50.0, 500.0),
        ("Dolmetscherinnen und Dolmetscher für Arabisch, Dari, Somali und Ukrainisch zur Verfügung stehen.", 50.0, 480.0),
    ]
    lines = [Line(t, 10.0, False, left, right, 700.0 - 14 * i, 690.0 - 14 * i, 1) for i, (t, left, right) in enumerate(texts)]
    builder = parse_pdf_lines(lines)
    blocks = [(b.kind, builder.text[b.start : b.end]) for b in builder.blocks]
    assert [kind for kind, _ in blocks] == ["paragraph", "item", "item", "item", "paragraph"]
    assert (
        blocks[2][1]
        == "Sie eine Aufenthaltserlaubnis oder einen vorübergehenden Schutz haben, der noch mindestens sechs Monate gilt,"
    )
    assert all(b.lead == (builder.blocks[0].start, builder.blocks[0].end) for b in builder.blocks[1:4])


def test_pdf_label_lines_stay_lines_and_wrapped_text_a_paragraph() -> None:
    from assistant.ingest.pdf import Line, parse_pdf_lines

    texts = [
        ("Kursus toimub linnavalitsuse saalis ja kestab kokku kaksteist nädalat, tunnid on kaks", 500.0),
        ("korda nädalas.", 180.0),
        ("Esmaspäev: 9:00–12:00", 160.0),
        ("Reede: 9:00–13:00", 150.0),
        ("Telefon: +372 5123 4567", 170.0),
    ]
    lines = [Line(text, 10.0, False, 50.0, right, 700.0 - 14 * i, 690.0 - 14 * i, 1) for i, (text, right) in enumerate(texts)]
    builder = parse_pdf_lines(lines)
    blocks = [(b.kind, builder.text[b.start : b.end]) for b in builder.blocks]
    assert blocks[0] == (
        "paragraph",
        "Kursus toimub linnavalitsuse saalis ja kestab kokku kaksteist nädalat, tunnid on kaks korda nädalas.",
    )
    assert blocks[1] == ("lines", "Esmaspäev: 9:00–12:00\nReede: 9:00–13:00\nTelefon: +372 5123 4567")


def test_pdf_paragraph_after_a_list_and_an_office_above_its_street() -> None:
    from assistant.ingest.pdf import Line, parse_pdf_lines

    rows = [  # (text, left, right): bullets indented from the margin, as a user trial's PDF drew them
        ("Iesniegumam pievieno:", 54.0, 200.0),
        ("• personu apliecinošu dokumentu", 64.0, 240.0),
        ("• izziņu par ienākumiem pēdējos 3 mēnešos", 64.0, 290.0),
        ("Sociālais dienests pieņem lēmumu 10 darba dienu laikā pēc visu dokumentu saņemšanas.", 54.0, 506.0),
        ("Kontakti", 54.0, 115.0),
        ("Daugavpils Sociālais dienests", 54.0, 201.0),
        ("Vienības iela 8, Daugavpils, LV-5401", 54.0, 234.0),
        ("Tālrunis: 65 42 33 11", 54.0, 170.0),
    ]
    lines = [
        Line(text, 10.0, text == "Kontakti", left, right, 700.0 - 14 * i, 690.0 - 14 * i, 1)
        for i, (text, left, right) in enumerate(rows)
    ]
    builder = parse_pdf_lines(lines)
    blocks = [(b.kind, builder.text[b.start : b.end]) for b in builder.blocks]
    assert ("item", "izziņu par ienākumiem pēdējos 3 mēnešos") in blocks
    assert ("paragraph", rows[3][0]) in blocks
    assert blocks[-1] == ("lines", "Daugavpils Sociālais dienests\nVienības iela 8, Daugavpils, LV-5401\nTālrunis: 65 42 33 11")


PLAIN_STRUCTURES = """Kurser

Kurs | Timmar | Pris
SFI grund | 300 | gratis
SFI fortsättning | 200 | gratis

Päivämäärä\tTapahtuma\tAika
12.1.2026\tInfoilta\t17–19

Prosjektbeskrivelse og program våren 2026: «Nabo til nabo»

Du kan läsa SFI i Tallmora om du:
- har fyllt 16 år
- saknar grundläggande svenska

Hvem kan være med?

- er over 18 år
- er over 20 år og har bodd i Tindrevik i minst to år
"""


def test_plain_text_tables_lists_and_quoted_names_keep_their_kind(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PLAIN_STRUCTURES, encoding="utf-8")
    loaded = load_file(path)
    text, blocks = loaded.text, loaded.blocks
    headings = blocks_of(text, blocks, "heading")
    assert "Kurs | Timmar | Pris" not in headings and not any("Päivämäärä" in h for h in headings)
    assert not any(h.startswith(("- ", "er over")) for h in headings)
    rows = [b for b in blocks if b.kind == "row"]
    row_texts = [text[b.start : b.end] for b in rows]
    assert "SFI grund | 300 | gratis" in row_texts and "12.1.2026 | Infoilta | 17–19" in row_texts
    header = next(b for b in rows if text[b.start : b.end] == "SFI grund | 300 | gratis").lead
    assert header is not None and text[header[0] : header[1]] == "Kurs | Timmar | Pris"
    assert "Prosjektbeskrivelse og program våren 2026: «Nabo til nabo»" in text
    items = [b for b in blocks if b.kind == "item"]
    by_text = {text[b.start : b.end]: b for b in items}
    assert {"har fyllt 16 år", "saknar grundläggande svenska", "er over 18 år"} <= set(by_text)
    lead = by_text["har fyllt 16 år"].lead
    assert lead is not None and text[lead[0] : lead[1]] == "Du kan läsa SFI i Tallmora om du:"


def test_a_lead_in_running_on_into_its_list_and_a_name_over_contact_details(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "Introduksjonsprogrammet\n\nHvem kan delta?\n\nDu har rett til introduksjonsprogram hvis du\n"
        "- er mellom 18 og 55 år,\n- er bosatt i kommunen.\n\nKontakt\n\nKeelekoordinaator Merike Sepp\n"
        "Rakvere Linnavalitsus\nTelefon: +372 329 5042\n\nKas see leht oli kasulik?  Jah  Ei\n",
        encoding="utf-8",
    )
    loaded = load_file(path)
    text, blocks = loaded.text, loaded.blocks
    item = next(b for b in blocks if b.kind == "item")
    assert item.lead is not None and text[item.lead[0] : item.lead[1]] == "Du har rett til introduksjonsprogram hvis du"
    headings = blocks_of(text, blocks, "heading")
    assert "Keelekoordinaator Merike Sepp" not in headings and "Kontakt" in headings
    assert blocks_of(text, blocks, "lines")[0].startswith("Keelekoordinaator Merike Sepp\nRakvere")
    assert "kasulik" not in text  # the feedback widget, however spaced


def test_markdown_contact_lines_without_hard_breaks_stay_lines_and_prose_a_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(
        "# Kontakt\n\nJobcenter Skovmarsk\nKontaktperson: Mette Holm\nTlf. 70 11 22 33\n\n"
        "Programmet varer i op til fem år og består af danskundervisning\nog praktik i en virksomhed.\n",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert blocks_of(loaded.text, loaded.blocks, "lines") == ["Jobcenter Skovmarsk\nKontaktperson: Mette Holm\nTlf. 70 11 22 33"]
    assert blocks_of(loaded.text, loaded.blocks, "paragraph") == [
        "Programmet varer i op til fem år og består af danskundervisning og praktik i en virksomhed."
    ]


def test_markdown_contact_block_with_a_long_labelled_line_stays_lines_and_long_prose_a_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(
        "# Contact\n\nMulticultural Office, Hvalvík Town Hall\nAddress: Hafnargata 9, 690 Hvalvík\nPhone: +354 421 7000\n"
        "Opening hours: Monday to Thursday 9:00–15:00, Friday 9:00–12:00, closed on public holidays.\n\n"
        "The programme is open to adults who have registered their legal domicile in the town\n"
        "Note: this is wrapped prose whose lines are long and start with capitals by chance\n"
        "Applications are read by the office within two weeks of their arrival at the town hall.\n",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert blocks_of(loaded.text, loaded.blocks, "lines") == [
        "Multicultural Office, Hvalvík Town Hall\nAddress: Hafnargata 9, 690 Hvalvík\nPhone: +354 421 7000\n"
        "Opening hours: Monday to Thursday 9:00–15:00, Friday 9:00–12:00, closed on public holidays."
    ]
    assert len(blocks_of(loaded.text, loaded.blocks, "paragraph")) == 1


def test_pdf_wrapped_line_starting_with_a_number_is_no_list_item_and_a_wrapped_title_one_heading() -> None:
    from assistant.ingest.pdf import Line, parse_pdf_lines

    title = [
        Line("Vorübergehender Schutz und", 20.0, True, 50.0, 400.0, 760.0, 740.0, 1),
        Line("Gastfamilien in Skovmarsk", 20.0, True, 50.0, 380.0, 734.0, 714.0, 1),
    ]
    texts = [
        ("Der Zuschuss wird monatlich auf das Konto der Gastfamilie überwiesen, und zwar bis zum", 500.0),
        ("5. des Folgemonats. Fragen beantwortet das Bürgerbüro im Rathaus.", 330.0),
        ("Mitbringen:", 120.0),
        ("1. Aufenthaltstitel", 150.0),
        ("2. Mietvertrag", 140.0),
    ]
    body = [Line(text, 10.0, False, 50.0, right, 690.0 - 14 * i, 680.0 - 14 * i, 1) for i, (text, right) in enumerate(texts)]
    builder = parse_pdf_lines(title + body)
    blocks = [(b.kind, builder.text[b.start : b.end]) for b in builder.blocks]
    assert blocks[0] == ("heading", "Vorübergehender Schutz und Gastfamilien in Skovmarsk")
    assert (
        "paragraph",
        "Der Zuschuss wird monatlich auf das Konto der Gastfamilie überwiesen, und zwar bis zum "
        "5. des Folgemonats. Fragen beantwortet das Bürgerbüro im Rathaus.",
    ) in blocks
    assert [text for kind, text in blocks if kind == "item"] == ["Aufenthaltstitel", "Mietvertrag"]


CAPTURED = """Fara beint í efni
Valmynd
Leit
Íslenska | English | Polski | العربية
Forsíða > Velferð > Móttaka flóttafólks

Móttaka og aðlögun flóttafólks í Vesturósi
Síðast uppfært 5. febrúar 2026

Vesturós tekur þátt í samræmdri móttöku flóttafólks.

Hver getur tekið þátt?

Þú getur tekið þátt ef þú ert 18 ára eða eldri.

Dagur | Tími
Mánudagur | 9–12
"""


def test_a_captured_pages_navigation_goes_and_its_first_line_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(CAPTURED, encoding="utf-8")
    loaded = load_file(path)
    for furniture in ("Valmynd", "Leit", "Polski", "Forsíða"):
        assert furniture not in loaded.text
    headings = [(loaded.text[b.start : b.end], b.level) for b in loaded.blocks if b.kind == "heading"]
    assert headings == [("Móttaka og aðlögun flóttafólks í Vesturósi", 1), ("Hver getur tekið þátt?", 2)]
    assert "Síðast uppfært 5. febrúar 2026" in blocks_of(loaded.text, loaded.blocks, "paragraph")
    assert "Mánudagur | 9–12" in blocks_of(loaded.text, loaded.blocks, "row")  # a small table is no menu


def test_language_switchers_and_breadcrumbs_are_told_from_content() -> None:
    from assistant.ingest.cleaning import is_breadcrumb, is_language_switcher, is_page_furniture

    for line in ("EST | ENG | РУС", "Suomeksi | På svenska | In English", "Svenska | English | العربية | Українська"):
        assert is_language_switcher(line)
    for line in ("Tel | Fax", "Oslo | Bergen | Trondheim", "Husstand | Per måned"):
        assert not is_language_switcher(line)
    assert is_breadcrumb("Avaleht › Uudised › 2026") and not is_breadcrumb("Pris: 100 > 50 kr. Se mer.")
    assert is_page_furniture("Skip to content\nMenu") and not is_page_furniture("Kontakt\nHolmstrup Kommune\nTlf. 70 10 20 30")
    assert is_language_switcher("EST  ENG  RUS")  # cells two spaces apart
    header = "Liigu edasi\nPärnu linn | Vallavalitsus | Teenused | Kontakt\nEST  ENG  RUS\nAvaleht » Teenused » Tõlketeenus"
    assert is_page_furniture(header)  # a menu bar beside a switcher and a breadcrumb
    assert not is_page_furniture("Avaleht » Teenused » Tõlge\nTõlketeenus on tasuta, kui oled saanud kaitse | muidu maksad.")


def test_a_captured_pages_menu_bar_goes_and_an_office_name_stays_over_its_street(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path / "leht.txt",
        "Liigu edasi\nPärnu linn | Vallavalitsus | Teenused | Kontakt\nEST  ENG  RUS\nAvaleht » Teenused » Tõlketeenus\n\n"
        "TÕLKETEENUS PÄRNUS\n\nTõlketeenus on tasuta.\n\nKontakt\n-------\n\n"
        "Borgerservice Sønderborg\nRådhustorvet 10, 6400 Sønderborg\nÅbningstider:\n  Mandag   10.00–15.00\n\n"
        "--------------------\nViimati muudetud: 14.02.2025\n",
    )
    assert "Vallavalitsus" not in loaded.text and "ENG" not in loaded.text and "Liigu" not in loaded.text
    headings = [loaded.text[b.start : b.end] for b in loaded.blocks if b.kind == "heading"]
    assert headings == ["TÕLKETEENUS PÄRNUS", "Kontakt"]  # the page's own title, not its skip link
    assert any(
        block.startswith("Borgerservice Sønderborg\nRådhustorvet 10") for block in blocks_of(loaded.text, loaded.blocks, "lines")
    )
    assert "Viimati muudetud: 14.02.2025" in blocks_of(loaded.text, loaded.blocks, "paragraph")  # the rule above it goes


def test_a_captured_search_box_is_no_title(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path / "kohvik.txt",
        "Mine sisu juurde\nAvaleht | Meist | Projektid | Kontakt\nEST | RUS | ENG\n\nOtsi: [__________] [Otsi]\n\n"
        "KODUTÖÖKOHVIK NARVAS\n\nKohvik on avatud esmaspäevast neljapäevani.\n",
    )
    assert "Otsi" not in loaded.text
    headings = [loaded.text[b.start : b.end] for b in loaded.blocks if b.kind == "heading"]
    assert headings == ["KODUTÖÖKOHVIK NARVAS"]
    assert not is_page_furniture("Fill in the form: name [__________]\nWe answer within two days.")  # a sentence stays


def test_the_site_a_page_title_names_is_its_publisher(tmp_path: Path) -> None:
    from assistant.ingest.html import site_in_title

    assert site_in_title("Gerstu vinur – vinaverkefni | Brúin", "Gerstu vinur – vinaverkefni") == "Brúin"
    assert site_in_title("Upcoming events, spring 2026 | Tartu Welcome Centre", "Upcoming events: April–June 2026") == (
        "Tartu Welcome Centre"
    )
    assert site_in_title("Introduksjonsprogrammet – Tindrevik kommune", "Introduksjonsprogrammet i Tindrevik kommune") == ""
    assert site_in_title("Integration – a guide", "Something else entirely") == ""
    assert site_in_title(
        "Užsieniečių integracijos programa | Pušynės savivaldybė", "Užsieniečių integracijos programa Pušynės savivaldybėje"
    ) == ("Pušynės savivaldybė")
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    assert load_file(path).metadata["publisher"] == "Fjellvik kommune"


DIV_SOUP = """<html lang="lv"><head><title>Projekts “Soli pa solim” | Patvērums</title></head><body>
<div class="header"><a href="/">Sākums</a> <a href="/par">Par mums</a></div>
<div class="crumbs">Sākums / Projekti</div>
<div class="cc-window">Mēs izmantojam sīkdatnes. Piekrītu</div>
<div class="content">
<p>Biedrība īsteno projektu bēgļiem no 2026. gada februāra.</p>
<p><strong>Kas var piedalīties?</strong></p>
<p>Personas, kuras ir vecākas par 18 gadiem.</p>
<p><b>Ko piedāvājam</b><br>Latviešu valodas nodarbības divas reizes nedēļā.</p>
<p>Nodarbības ir <strong>bez maksas</strong> visiem dalībniekiem.</p>
<details><summary>Cik ilgi ilgst projekts?</summary><p>Projekts ilgst 12 mēnešus.</p></details>
<dl><dt>Reģistrācija</dt><dd>Bez maksas</dd><dd>Obligāta</dd></dl>
</div>
<div class="footer">© Patvērums · Privātuma politika</div>
</body></html>"""


def test_html_without_semantic_tags_keeps_its_structure_and_drops_its_furniture(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(DIV_SOUP, encoding="utf-8")
    loaded = load_file(path)
    text = loaded.text
    for furniture in ("Par mums", "Projekti", "sīkdatnes", "Privātuma"):
        assert furniture not in text
    assert loaded.metadata["title"] == "Projekts “Soli pa solim”" and loaded.metadata["publisher"] == "Patvērums"
    headings = blocks_of(text, loaded.blocks, "heading")
    assert headings == ["Kas var piedalīties?", "Ko piedāvājam", "Cik ilgi ilgst projekts?"]
    assert "Latviešu valodas nodarbības divas reizes nedēļā." in blocks_of(text, loaded.blocks, "paragraph")
    assert "Nodarbības ir bez maksas visiem dalībniekiem." in blocks_of(text, loaded.blocks, "paragraph")  # bold inside
    assert "Reģistrācija: Bez maksas; Obligāta" in blocks_of(text, loaded.blocks, "item")


def test_word_headings_typed_in_bold_and_bullets_typed_by_hand(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Mall för informationsblad"  # a template's leftover
    document.add_paragraph().add_run("Samhällsorientering i Uppsala").bold = True
    document.add_paragraph("Kursen är 100 timmar och ges på ditt eget språk.")
    document.add_paragraph().add_run("Vem kan delta?").bold = True
    document.add_paragraph("Du har rätt att delta om du:")
    document.add_paragraph("•\tär mellan 18 och 64 år,")
    document.add_paragraph("•\tär folkbokförd i Uppsala.")
    loaded = loaded_word_file(document, tmp_path / "blad.docx")
    assert "title" not in loaded.metadata  # the first heading is the title
    assert blocks_of(loaded.text, loaded.blocks, "heading") == ["Samhällsorientering i Uppsala", "Vem kan delta?"]
    items = [b for b in loaded.blocks if b.kind == "item"]
    assert [loaded.text[b.start : b.end] for b in items] == ["är mellan 18 och 64 år,", "är folkbokförd i Uppsala."]
    assert all(b.lead and loaded.text[b.lead[0] : b.lead[1]] == "Du har rätt att delta om du:" for b in items)


def test_word_address_typed_one_line_per_paragraph_is_one_block_and_prose_after_it_a_paragraph(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Kontakt", 1)
    for line in [
        "Flyktningtjenesten, Havbrekke kommune",
        "Besøksadresse: Rådhusplassen 3, 6893 Havbrekke",
        "Telefon: 57 84 31 00",
    ]:
        document.add_paragraph(line)
    document.add_paragraph("Neste bussholdeplass ligger omtrent 200 meter fra kontoret, og det er lett å finne fram.")
    document.add_paragraph("Velkommen.")
    document.add_paragraph("Kurset starter i mai.")
    loaded = loaded_word_file(document, tmp_path / "kontakt.docx")
    assert blocks_of(loaded.text, loaded.blocks, "lines") == [
        "Flyktningtjenesten, Havbrekke kommune\nBesøksadresse: Rådhusplassen 3, 6893 Havbrekke\nTelefon: 57 84 31 00"
    ]
    assert len(blocks_of(loaded.text, loaded.blocks, "paragraph")) == 3  # short lines without contact details stay apart


def test_a_file_name_or_a_templates_title_is_no_title() -> None:
    from assistant.ingest.loaders import credible_title

    text = "Kohanemisprogramm 2026\n\nKohanemisprogramm aitab uutel elanikel."
    assert credible_title("Microsoft Word - Infoleht_kohanemine_2026_EST.docx", text) == ""
    assert credible_title("Mall för informationsblad", text) == ""
    assert credible_title("kohanemisprogramm.html", text) == ""  # a page printed to PDF by a browser
    assert credible_title("Kohanemisprogramm – infoleht", text) == "Kohanemisprogramm – infoleht"


NEWSLETTER = """Nyhetsbrev februari 2026
========================

Välkommen till vårens första nyhetsbrev. Vi har flyttat till nya lokaler och har
fler kurser än någonsin i svenska och finska.

Kurser
------

Anmälan till vårens kurser är öppen nu.
"""


def test_plain_text_underlined_headings_and_wrapped_prose(tmp_path: Path) -> None:
    path = tmp_path / "brev.txt"
    path.write_text(NEWSLETTER, encoding="utf-8")
    loaded = load_file(path)
    headings = [(loaded.text[b.start : b.end], b.level) for b in loaded.blocks if b.kind == "heading"]
    assert headings == [("Nyhetsbrev februari 2026", 1), ("Kurser", 2)]
    assert "=====" not in loaded.text and "-----" not in loaded.text
    assert any(
        p.startswith("Välkommen till vårens första nyhetsbrev.") for p in blocks_of(loaded.text, loaded.blocks, "paragraph")
    )


def test_plain_text_fixed_width_table_is_a_table_and_justified_prose_a_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "moodulid.txt"
    path.write_text(
        "Programmi moodulid\n------------------\n\n"
        "Moodul                         Maht        Keel\n"
        "Baasmoodul                     8 tundi     eesti, vene, inglise, ukraina\n"
        "Rahvusvahelise kaitse moodul   12 tundi    eesti, araabia, ukraina\n\n"
        "Päätös  on  maksullinen  ja  se  annetaan\nkirjallisena  kuukauden  kuluessa  hakemuksesta.\n",
        encoding="utf-8",
    )
    loaded = load_file(path)
    rows = blocks_of(loaded.text, loaded.blocks, "row")
    assert rows[0] == "Moodul | Maht | Keel"
    assert rows[-1] == "Rahvusvahelise kaitse moodul | 12 tundi | eesti, araabia, ukraina"
    assert len(blocks_of(loaded.text, loaded.blocks, "paragraph")) == 1


def test_plain_text_page_footer_and_share_bar_are_dropped_contact_lines_kept(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path / "leht.txt",
        "Kohanemisprogramm\n\nProgramm on tasuta.\n\nJaga: Facebook | X | E-post\n\n"
        "Kirjuta meile WhatsAppis või Telegramis: +372 5123 4567\n\n"
        "Lõõtsa 12, 11415 Tallinn\n© 2026 Kohanemiskeskus\nPrivaatsuspoliitika | Küpsised | Ligipääsetavus\n",
    )
    assert "Facebook" not in loaded.text and "©" not in loaded.text and "Küpsised" not in loaded.text
    assert "Telegramis: +372 5123 4567" in loaded.text and "Lõõtsa 12, 11415 Tallinn" in loaded.text


def test_plain_text_skip_link_and_footer_bar_are_dropped(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path / "puslapis.txt",
        "Praleisti ir pereiti prie turinio\nVšĮ „Tiltai“\nPradžia | Apie mus | Veiklos | Kontaktai\nLT | EN | UA\n"
        "Pradžia > Veiklos > Siuvimo dirbtuvės\n\nSIUVIMO DIRBTUVĖS KAUNE\n\nKursas dalyvėms nemokamas.\n\n"
        "Telefonas: +370 612 48 305\n\n----------\nVšĮ „Tiltai“ | Įmonės kodas 305512478 | Tel. +370 37 20 11 00\n"
        "Dalintis: Facebook | LinkedIn\n© 2025 VšĮ „Tiltai“.\n",
    )
    assert loaded.text.startswith("SIUVIMO DIRBTUVĖS KAUNE")  # the page's title, not its skip link
    assert "+370 612 48 305" in loaded.text and "37 20 11 00" not in loaded.text and "----" not in loaded.text


def test_pdf_justified_prose_is_no_table_and_aligned_rows_are() -> None:
    from assistant.ingest.pdf import CELL, Line, parse_pdf_lines

    def line(text: str, cells: tuple[float, ...], i: int) -> Line:
        return Line(text, 10.0, False, 50.0, 250.0, 700.0 - 14 * i, 690.0 - 14 * i, 1, cells)

    justified = [  # a narrow column: its wide spaces fall in different places on each line
        line(CELL.join(["Põhimoodul", "annab", "ülevaate", "Eesti", "riigist,"]), (50.0, 110.0, 150.0, 200.0, 230.0), 0),
        line(CELL.join(["ühiskonnast,", "kultuurist", "ja", "igapäevaelust."]), (50.0, 125.0, 180.0, 196.0), 1),
    ]
    table = [
        line(CELL.join(["Rühm", "Päevad", "Kellaaeg"]), (50.0, 150.0, 250.0), 3),
        line(CELL.join(["A1 hommikurühm", "esmaspäev", "10.00–13.00"]), (50.0, 151.0, 249.0), 4),
        line(CELL.join(["A2 rühm", "kolmapäev", "17.30–20.30"]), (50.0, 150.0, 250.0), 5),
    ]
    builder = parse_pdf_lines([*justified, *table])
    blocks = [(b.kind, builder.text[b.start : b.end]) for b in builder.blocks]
    assert blocks[0] == ("paragraph", "Põhimoodul annab ülevaate Eesti riigist, ühiskonnast, kultuurist ja igapäevaelust.")
    assert [text for kind, text in blocks if kind == "row"] == [
        "Rühm | Päevad | Kellaaeg",
        "A1 hommikurühm | esmaspäev | 10.00–13.00",
        "A2 rühm | kolmapäev | 17.30–20.30",
    ]


def test_a_short_heading_over_a_sentence_with_a_number_and_bold_text_before_a_full_stop(tmp_path: Path) -> None:
    plain = tmp_path / "nordbridge.txt"
    plain.write_text(
        "Nordbridge Vesterholm\n\nWhat we offer\nTogether you can:\n- practise Danish,\n- visit the library.\n\n"
        "Membership fee\nJoining costs 50 DKK per year. Families pay one fee.\n\n"
        "Kontor\nRådhusgade 4, 7400 Vesterholm\n",
        encoding="utf-8",
    )
    loaded = load_file(plain)
    assert "Membership fee" in blocks_of(loaded.text, loaded.blocks, "heading")
    assert "Joining costs 50 DKK per year. Families pay one fee." in blocks_of(loaded.text, loaded.blocks, "paragraph")
    assert "Kontor" not in blocks_of(loaded.text, loaded.blocks, "heading")  # an office over its street
    page = tmp_path / "sfi.html"
    page.write_text(
        "<html><body><main><h1>Sfi</h1><p>Sista ansökningsdag är den <strong>15 augusti 2025</strong>. "
        "Kursen (<b>A1</b>) är gratis.</p></main></body></html>",
        encoding="utf-8",
    )
    html = load_file(page)
    assert "den 15 augusti 2025. Kursen (A1) är gratis." in html.text


def test_label_lines_stay_lines_however_long_and_a_range_wrapped_at_its_dash_is_whole(tmp_path: Path) -> None:
    from assistant.ingest.pdf import Line, parse_pdf_lines

    path = tmp_path / "kurssit.txt"
    path.write_text(
        "Suomen kielen kurssit\n\nLISÄTIETOJA\n"
        "Lastenhoito: Lauantain kurssin aikana tarjotaan maksuton lastenhoito 2–6-vuotiaille.\n"
        "Alennus: Opiskelijat ja työttömät saavat 50 % alennuksen kurssimaksusta.\n"
        "Peruutus: Kurssin voi perua maksutta viimeistään 7 päivää ennen kurssin alkua\n",
        encoding="utf-8",
    )
    loaded = load_file(path)
    lines = blocks_of(loaded.text, loaded.blocks, "lines")
    assert lines and lines[0].split("\n")[1] == "Alennus: Opiskelijat ja työttömät saavat 50 % alennuksen kurssimaksusta."
    rows = [("Rådgivning tisdag kl. 9.00–", 300.0), ("12.00 i Medborgarhuset.", 200.0)]
    builder = parse_pdf_lines(
        [Line(text, 10.0, False, 50.0, right, 700.0 - 14 * i, 690.0 - 14 * i, 1) for i, (text, right) in enumerate(rows)]
    )
    assert "kl. 9.00–12.00 i" in builder.text


def test_pdf_numbers_a_font_size_apart_are_cells_of_a_table_row_and_stay_prose_outside_one() -> None:
    from assistant.ingest.pdf import Line, _spaced, _with_cells, table_rows

    def line(words: list[tuple[str, float]], top: float) -> Line:
        text, visible, boxes = "", [], []
        for word, left in words:  # 6 points a letter, a space of 3 points inside a word run
            if text:
                text += " "
            for k, ch in enumerate(word):
                visible.append(len(text))
                boxes.append((left + 6 * k, top - 10, left + 6 * k + 5, top))
                text += ch
        piece, cells = _with_cells(text, visible, boxes, 10.0)
        return Line(piece, 10.0, False, boxes[0][0], boxes[-1][2], top, top - 10, 1, cells)

    rows = [
        line([("Nøgletal", 50), ("2022", 300), ("2023", 334), ("2024", 368)], 700),
        line([("Nye", 50), ("borgere", 74), ("142", 300), ("118", 334), ("97", 368)], 680),
        line([("Budget", 50), ("48,5", 300), ("44,0", 334), ("41,3", 368)], 660),
    ]
    found, _ = table_rows(rows)
    assert [found[i] for i in sorted(found)][1] == ["Nye borgere", "142", "118", "97"]
    prose = line([("Faldet", 50), ("skyldes", 92), ("2022", 150)], 600)  # one wide space before a number, no table
    assert _spaced(prose.text) == "Faldet skyldes 2022"


def test_a_rule_under_two_lines_makes_them_one_heading(tmp_path: Path) -> None:
    path = tmp_path / "kurssit.txt"
    path.write_text(
        "RANTAMÄEN KANSALAISOPISTO\nSuomen kielen kurssit maahanmuuttajille – syksy 2025\n=====================\n\n"
        "Kurssit alkavat syyskuussa. Ilmoittautuminen alkaa 11.8.2025 klo 12.\n",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert blocks_of(loaded.text, loaded.blocks, "heading") == [
        "RANTAMÄEN KANSALAISOPISTO Suomen kielen kurssit maahanmuuttajille – syksy 2025"
    ]


def test_a_saved_pages_two_space_menu_above_its_breadcrumb_goes_and_underscores_underline_a_heading(tmp_path: Path) -> None:
    from assistant.ingest.pdf import Line, parse_pdf_lines

    path = tmp_path / "nyheter.txt"
    path.write_text(
        "Ospevik kommune  Flyktningtjenesten  Nyheter  Kontakt  English\nHjem > Flyktningtjenesten > Nyheter\n\n"
        "Nyheter fra flyktningtjenesten\n==============================\n\nÅpningstider\n____________\n"
        "Kontoret er åpent mandag til fredag fra kl. 9 til 15.\n",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert "Kontakt" not in loaded.text
    assert blocks_of(loaded.text, loaded.blocks, "heading") == ["Nyheter fra flyktningtjenesten", "Åpningstider"]
    rows = [("Öffnungszeiten", 120.0), ("Montag 9–13 Uhr", 150.0), ("Dienstag 13–18 Uhr", 160.0), ("Mittwoch geschlossen", 170.0)]
    rows += [("Die Beratung ist kostenlos und vertraulich, und wir sprechen Deutsch, Englisch, Arabisch und Ukrainisch.", 500.0)]
    lines = [Line(t, 10.0, t == "Öffnungszeiten", 50.0, r, 700.0 - 14 * i, 690.0 - 14 * i, 1) for i, (t, r) in enumerate(rows)]
    builder = parse_pdf_lines(lines)
    assert ("lines", "Montag 9–13 Uhr\nDienstag 13–18 Uhr\nMittwoch geschlossen") in [
        (b.kind, builder.text[b.start : b.end]) for b in builder.blocks
    ]
