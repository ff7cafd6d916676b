import json
from pathlib import Path

from assistant.ingest.corpus import scan_corpus
from assistant.ingest.loaders import load_file
from tests.conftest import CORPUS


def test_seed_corpus_loads_with_manifest_metadata() -> None:
    scan = scan_corpus(CORPUS)
    assert not scan.skipped and not scan.warnings
    by_id = {d.doc_id: d for d in scan.documents}
    assert len(by_id) == 5
    assert by_id["001_d16b85ebd27a4f52.txt"].language == "lv"
    assert by_id["002_f239626ca5b98d50.txt"].date == "2022-12-05"
    assert "Baltic" in by_id["000_7037c30f0eb20b20.txt"].tags


def test_files_are_unchanged_copies_of_the_seeds() -> None:
    seeds = CORPUS.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        seeds = Path("/work/shared/seeds")
    for seed in sorted(seeds.glob("*.txt")):
        assert (CORPUS / seed.name).read_bytes() == seed.read_bytes()


def test_documents_without_metadata_are_inferred(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(
        "Skip to main content\n\nKotoutuminen Suomessa\n\nTämä on suomenkielinen teksti kotoutumisesta ja työstä.",
        encoding="utf-8",
    )
    document = scan_corpus(tmp_path).documents[0]
    assert document.title == "Kotoutuminen Suomessa"
    assert document.language == "fi"


def test_unreadable_files_are_skipped_with_reasons_and_the_rest_indexed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A readable document about integration.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (tmp_path / "fake.docx").write_bytes(b"this is not a zip")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    scan = scan_corpus(tmp_path)
    assert [d.doc_id for d in scan.documents] == ["good.txt"]
    reasons = {s.path: s.reason for s in scan.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["junk.txt"]
    assert "PDF" in reasons["broken.pdf"]
    assert "DOCX" in reasons["fake.docx"]
    assert "unsupported" in reasons["image.png"]


def test_latin1_text_is_read_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes("Flygtninge i Århus får hjælp.".encode("latin-1"))
    scan = scan_corpus(tmp_path)
    assert scan.documents[0].text.startswith("Flygtninge i Århus")
    assert any("not UTF-8" in w for w in scan.warnings)


def test_markdown_front_matter_and_html_main_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Guide\nlanguage: sv\ntags: [Nordic]\n---\n# Rubrik\n\nText om integration.", encoding="utf-8"
    )
    (tmp_path / "b.html").write_text(
        "<html lang='da'><head><title>Side</title><script>alert(1)</script></head><body><nav>Menu</nav>"
        "<main><h1>Overskrift</h1><p>Indhold om integration.</p></main><footer>Kontakt</footer></body></html>",
        encoding="utf-8",
    )
    docs = {d.doc_id: d for d in scan_corpus(tmp_path).documents}
    assert docs["a.md"].title == "Guide" and docs["a.md"].language == "sv" and docs["a.md"].tags == ("Nordic",)
    assert "---" not in docs["a.md"].text
    html = docs["b.html"]
    assert html.title == "Overskrift" and html.language == "da"  # the page's h1 names it better than <title>
    assert (
        "Indhold om integration." in html.text
        and "Menu" not in html.text
        and "alert" not in html.text
        and "Kontakt" not in html.text
    )


def test_docx_and_pdf_are_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Integration i kommunerne.")
    document.save(str(tmp_path / "c.docx"))
    assert "Integration i kommunerne." in load_file(tmp_path / "c.docx").text
    pdf = make_pdf("Refugee integration report")
    (tmp_path / "d.pdf").write_bytes(pdf)
    assert "Refugee integration report" in load_file(tmp_path / "d.pdf").text


def test_a_word_table_without_a_header_row_keeps_its_first_row(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    hours = document.add_table(rows=3, cols=2)
    for i, (day, time) in enumerate([("Mandag", "09:00–15:00"), ("Onsdag", "12:00–18:00"), ("Fredag", "Stengt")]):
        hours.cell(i, 0).text, hours.cell(i, 1).text = day, time
    fees = document.add_table(rows=2, cols=3)
    for i, row in enumerate([("Nøgletal", "2024", "2025"), ("Andel i job", "40 %", "41 %")]):
        for j, cell in enumerate(row):
            fees.cell(i, j).text = cell
    document.save(str(tmp_path / "h.docx"))
    loaded = load_file(tmp_path / "h.docx")
    rows = [(loaded.text[b.start : b.end], b.lead is not None) for b in loaded.blocks if b.kind == "row"]
    # Opening hours state values in their first row: no header; a header of years is one.
    assert rows[:3] == [("Mandag | 09:00–15:00", False), ("Onsdag | 12:00–18:00", False), ("Fredag | Stengt", False)]
    assert rows[3:] == [("Nøgletal | 2024 | 2025", False), ("Andel i job | 40 % | 41 %", True)]


def test_wrong_metadata_gets_defaults_and_warnings(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Integration work in Estonia and Latvia for refugees.", encoding="utf-8")
    (tmp_path / "metadata.json").write_text(
        json.dumps({"x.txt": {"language": "xx", "tags": 5, "title": ["bad"]}, "gone.txt": {}})
    )
    scan = scan_corpus(tmp_path)
    document = scan.documents[0]
    assert document.language == "en" and document.title.startswith("Integration work")
    joined = " ".join(scan.warnings)
    assert "language 'xx'" in joined and "'tags'" in joined and "'title'" in joined and "gone.txt" in joined


def make_pdf(text: str) -> bytes:
    """A minimal one-page PDF with ``text`` (built by hand; pypdf writes no text)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
