"""The UI's plain functions, without a browser."""

import threading
from pathlib import Path
from typing import Any

import pytest

from assistant.app.chat import (
    App,
    Session,
    chosen_language,
    interface_language,
    language_choices,
    may_edit,
    parse_auth,
    streamed_prefixes,
    turn_of_message,
)
from assistant.app.feedback import FeedbackStore
from assistant.app.rendering import direction, group_citations, highlight, link_markers, render_answer, render_question
from assistant.app.uploads import UploadRejected, safe_name, store_upload
from assistant.config import Settings
from assistant.retrieve.questions import contextual_question, is_follow_up
from assistant.types import Answer, Citation, Hit

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def make_answer(text: str, citations: tuple[Citation, ...], language: str = "en") -> Answer:
    return Answer("q", language, False, text, citations, tuple(c.hit for c in citations))


def make_citation(n: int, doc: str, language: str, passage: str, quote: str, group: str = "") -> Citation:
    hit = Hit(chunk_id=f"c{n}", doc_id=doc, text=passage, title=f"T {doc}", language=language, score=0.5, group=group or doc)
    start = passage.index(quote)
    return Citation(n, hit, quote, start, start + len(quote))


def test_source_text_is_escaped_and_quote_highlighted() -> None:
    citation = make_citation(1, "a.txt", "en", f"Intro {EVIL} the fact. After.", "the fact.")
    html = render_answer(make_answer("Answer “the fact.” [1]", (citation,)), turn=0)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "onerror=alert(1)&gt;" in html
    assert "<mark>the fact.</mark>" in html
    assert 'href="#cite-0-1"' in html and 'id="cite-0-1"' in html
    assert '<bdi class="quote" dir="auto">“the fact.”</bdi>' in html  # isolated from the text around it


def test_only_known_markers_become_links() -> None:
    assert "[7]" in link_markers("see [7] and [1]", 3, {1}) and 'href="#cite-3-1"' in link_markers("see [1]", 3, {1})
    assert "<b>" not in link_markers("<b>[1]</b>", 0, {1})


def test_highlight_out_of_range_falls_back_to_plain_text() -> None:
    assert highlight("a<b", 5, 9) == "a&lt;b"


def test_translations_of_one_page_form_one_source() -> None:
    da = make_citation(1, "000.txt", "da", "Jonava blev først.", "Jonava blev først.", group="000.txt")
    lv = make_citation(2, "001.txt", "lv", "Jonava kļuva pirmā.", "Jonava kļuva pirmā.", group="000.txt")
    other = make_citation(3, "002.txt", "lt", "Kitas.", "Kitas.")
    groups = group_citations((da, lv, other))
    assert [len(g.citations) for g in groups] == [2, 1]
    html = render_answer(make_answer("x [1] [2] [3]", (da, lv, other)), 0)
    assert html.count('class="source-group"') == 1 and "(Danish and Latvian)" in html
    second = make_citation(4, "002.txt", "lt", "Dar kitas.", "Dar kitas.")
    html = render_answer(make_answer("x [3] [4]", (other, second)), 0)  # two passages of one page
    assert 'class="source-group"' not in html and html.count('class="source"') == 2
    assert "“Kitas.”" in html and "“Dar kitas.”" in html  # same title and section: the quotes' first words tell them apart
    assert "“Kitas.”" not in render_answer(make_answer("x [3]", (other,)), 0)  # one passage: the label alone


def test_an_abstention_folds_away_its_closest_passages_escaped() -> None:
    closest = make_citation(1, "a.txt", "da", f"Tæt på emnet {EVIL}.", "Tæt på emnet").hit
    abstained = Answer("q", "uk", True, "Джерела не відповідають на це питання.", (), (closest,))
    html = render_answer(abstained, 0)
    assert '<details class="closest"><summary>Показати найближчі уривки</summary>' in html
    assert "Tæt på emnet &lt;script&gt;" in html and "<script>" not in html
    assert "a.txt" in html and "corpus/" not in html and 'class="cite"' not in html  # shown, not cited
    assert 'class="closest"' not in render_answer(
        make_answer("According to the sources: [1]", (make_citation(1, "a.txt", "da", "x.", "x."),)), 0
    )
    rejected = Answer("", "en", True, "Please type a question.", (), (closest,), message="Please type a question.")
    assert 'class="closest"' not in render_answer(rejected, 0)


def test_right_to_left_languages() -> None:
    assert direction("ar") == "rtl" and direction("fa") == "rtl" and direction("uk") == "ltr"
    assert 'dir="auto"' in render_question("سؤال") and 'dir="auto"' in render_question("What is it?")
    assert 'dir="rtl"' in render_answer(make_answer("وفقًا للمصادر", (), "fa"), 0)


def test_a_respelled_name_is_shown_escaped_in_the_askers_language() -> None:
    from dataclasses import replace

    answer = replace(make_answer("Згідно з джерелами:", (), "uk"), searched_for=f"Що таке Jonava? {EVIL}")
    html = render_answer(answer, 0)
    assert "Шукали: Що таке Jonava?" in html and "<script>" not in html
    assert "searched-for" not in render_answer(make_answer("According to the sources:", ()), 0)


def test_a_long_searched_text_is_shown_by_its_end() -> None:
    from dataclasses import replace

    long = "Where can I learn Danish? " * 80 + "And in Aarhus?"
    html = render_answer(replace(make_answer("According to the sources:", ()), searched_for=long), 0)
    shown = html.split('class="searched-for">', 1)[1].split("</div>", 1)[0]
    assert shown.endswith("And in Aarhus?") and "…" in shown and len(shown) < 300


def test_streaming_prefixes_end_with_the_full_text() -> None:
    text = "According to the sources: a fairly long answer that streams in several parts [1]"
    parts = list(streamed_prefixes(text, step=10))
    assert len(parts) > 2 and parts[-1] == text and all(text.startswith(p) for p in parts)


def test_small_helpers() -> None:
    assert chosen_language("auto") is None and chosen_language("uk") == "uk"
    assert turn_of_message(3) == 1 and turn_of_message([5, None]) == 2
    assert is_follow_up("and in Latvia?") and is_follow_up("а в Латвії?") and not is_follow_up("Which city joined first?")
    assert contextual_question(["Which city joined first?"], "and in Latvia?") == "Which city joined first? and in Latvia?"
    assert contextual_question([], "and in Latvia?") == "and in Latvia?"


def test_a_short_question_that_names_nothing_leans_on_the_one_before() -> None:
    earlier = ["Що таке програма FOR-IN?"]
    assert contextual_question(earlier, "А коли це було?") == "Що таке програма FOR-IN? А коли це було?"
    assert contextual_question(earlier, "When was it?") == "Що таке програма FOR-IN? When was it?"
    assert contextual_question(earlier, "What is the Sild centre in Tartu?") == "What is the Sild centre in Tartu?"
    assert not is_follow_up("How do I apply for asylum in Sweden?")
    assert is_follow_up("وماذا عن يوم الجمعة؟") and is_follow_up("وفي يوم السبت؟")  # "and" written onto the next word
    assert not is_follow_up("وزارة الهجرة في الدنمارك؟")  # a word that starts with the letter
    assert is_follow_up("А до какого числа можно записаться?")  # "and", six words, nothing named
    assert not is_follow_up("And how long does the course in Riga last?")  # it names its own subject


def test_a_question_pointing_back_with_a_pronoun_is_a_follow_up() -> None:
    earlier = ["Who is the contact person for qualification recognition in Panevėžys?"]
    assert contextual_question(earlier, "And what is her e-mail address?", "en").startswith(earlier[0])
    assert is_follow_up("Und wie ist ihre Telefonnummer?", "de") and is_follow_up("Який її номер телефону?", "uk")
    assert not is_follow_up("Wie kann ich Ihre Beratung buchen?", "de")  # "Ihre": the polite "your"
    assert not is_follow_up("Can refugees bring their children to the course?", "en")  # plural: within itself
    assert not is_follow_up("ما هو رقم هاتف المكتب في أوسلو؟", "ar")  # "هو" is also "is"
    assert is_follow_up("And what is her e-mail address?")  # without a language: "and" and nothing named
    assert not is_follow_up("And what is the e-mail address of the Tartu office?")  # it names its own subject


def test_a_short_question_the_rules_do_not_tell_may_still_be_a_follow_up() -> None:
    from assistant.retrieve.questions import may_follow_up

    earlier = ["Wie viele Teilnehmende hatte das Programm 2025?"]
    assert may_follow_up(earlier, "Wie viele Kommunen?") and may_follow_up(earlier, "Aga Eestis?")
    assert not may_follow_up([], "Wie viele Kommunen?")  # nothing before it
    assert not may_follow_up(earlier, "Und in Schweden?")  # a follow-up by the rules already
    assert not may_follow_up(earlier, "Wie viele Kommunen haben 2025 am Programm in Schweden teilgenommen?")


def test_the_interface_follows_the_asker_unless_chosen() -> None:
    assert interface_language("auto", "uk") == "uk" and interface_language("ar", "uk") == "ar"
    names = dict((code, label) for label, code in language_choices())
    assert names["uk"] == "українська (uk)" and names["ti"].startswith("ትግርኛ") and names["ar"].startswith("العربية")


def test_login_parsing_and_editors(tmp_path: Path) -> None:
    users = tmp_path / "users.txt"
    users.write_text("# comment\ncarol:pw3\nbroken\n", encoding="utf-8")
    settings = Settings(auth="alice:pw1, bob:pw2", auth_file=users, editors="alice")
    assert parse_auth(settings) == [("alice", "pw1"), ("bob", "pw2"), ("carol", "pw3")]
    assert may_edit(settings, "alice", True) and not may_edit(settings, "bob", True) and not may_edit(settings, None, True)
    assert may_edit(Settings(), None, False)
    assert may_edit(Settings(auth="a:b"), "a", True)


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "..\\..\\x.md", "/abs/path/y.html", ".hidden.txt", "a b?.pdf"])
def test_upload_names_stay_inside_the_corpus(tmp_path: Path, name: str) -> None:
    source = tmp_path / "src.bin"
    source.write_text("content about integration", encoding="utf-8")
    if name.endswith(".pdf"):  # an upload is read before it is kept: a PDF must be one
        source.write_bytes((Path(__file__).parent / "data" / "guide.pdf").read_bytes())
    folder = tmp_path / "corpus" / "uploads"
    stored = store_upload(source, name, folder)
    assert stored.resolve().is_relative_to(folder.resolve())
    assert "/" not in safe_name(name) and not safe_name(name).startswith(".")


def test_upload_rejects_files_over_the_size_limit(tmp_path: Path) -> None:
    from assistant.ingest.loaders import MAX_FILE_BYTES

    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.seek(MAX_FILE_BYTES)
        handle.write(b"x")
    with pytest.raises(UploadRejected, match="larger than"):
        store_upload(big, "big.txt", tmp_path / "uploads")
    assert not (tmp_path / "uploads" / "big.txt").exists()


def test_upload_rejects_bad_types_and_empty_files(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.write_text("x", encoding="utf-8")
    with pytest.raises(UploadRejected, match="unsupported"):
        store_upload(source, "../../etc/passwd", tmp_path / "uploads")
    with pytest.raises(UploadRejected, match="unsupported"):
        store_upload(source, "tool.exe", tmp_path / "uploads")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(UploadRejected, match="empty"):
        store_upload(empty, "empty.txt", tmp_path / "uploads")


def test_an_unreadable_upload_is_refused_and_not_kept(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UploadRejected, match="corrupt PDF"):
        store_upload(broken, "broken.pdf", tmp_path / "uploads")
    assert list((tmp_path / "uploads").iterdir()) == []
    good = tmp_path / "notes.md"
    good.write_text("# Björkvik\n\nNästa kurs startar den 12 januari 2027.\n", encoding="utf-8")
    assert store_upload(good, "notes.md", tmp_path / "uploads").read_text(encoding="utf-8").startswith("# Björkvik")


def test_the_short_line_isolates_its_values() -> None:
    from assistant.app.rendering import short_line_html

    line = short_line_html("به طور خلاصه: 0480-45 12 00 [1]", 0, {1}, "fa")
    # digits and signs only: left to right, said outright (not left to "auto", which has no letter to go by)
    assert line is not None and '<bdi class="value" dir="ltr">0480-45 12 00</bdi>' in line and 'class="cite"' in line
    dated = short_line_html("باختصار: 19 يونيو 2026 [1]; 13:00–17:00 [1]", 0, {1}, "ar")
    assert dated is not None and '<bdi class="value" dir="auto">19 يونيو 2026</bdi>' in dated and 'dir="ltr">13:00–17:00' in dated
    assert short_line_html("According to the sources:", 0, {1}, "en") is None


def test_feedback_loses_no_record_under_concurrent_clicks(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "fb.sqlite3")

    def click(i: int) -> None:
        store.record(f"q{i}", "a", [{"n": 1}], "en", 1 if i % 2 else -1)

    threads = [threading.Thread(target=click, args=(i,)) for i in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = store.all()
    assert len(rows) == 40 and {r["question"] for r in rows} == {f"q{i}" for i in range(40)}


def test_app_flow_with_fake_assistant(fake_assistant: Any, tmp_path: Path) -> None:
    corpus = fake_assistant.settings.corpus_dir
    (corpus / "a.txt").write_text(
        "Jonava\n\nJonava was the first Baltic city to join the Intercultural Cities programme.", encoding="utf-8"
    )
    fake_assistant.index()
    from assistant.answer.abstention import AbstentionModel

    fake_assistant.answerer.abstention = AbstentionModel.at_least(0.1)
    app = App(fake_assistant, FeedbackStore(tmp_path / "fb.sqlite3"))
    session = Session()
    steps = list(app.respond("Which Baltic city joined the Intercultural Cities programme first?", [], session, "auto"))
    chat, session, interface, box = steps[-1]
    assert interface == "en"
    assert len(steps) >= 3 and box == ""
    assert chat[0]["role"] == "user" and 'class="cite"' in chat[1]["content"]
    assert session.turns[0].answer["citations"]
    session, note = app.rate(session, 1, True)
    assert note and app.feedback.all()[0]["vote"] == 1
    note, box = app.comment(session, "useful")
    assert app.feedback.all()[0]["comment"] == "useful" and box == ""
    empty = list(app.respond("   ", chat, session, "auto"))
    assert empty[-1][0][:-1] == chat and "Please type a question." in empty[-1][0][-1]["content"]
    assert app.ask_json("Which city?", "lv")["language"] == "lv"


def test_upload_requires_an_editor_when_login_is_on(fake_assistant: Any, tmp_path: Path) -> None:
    app = App(fake_assistant, FeedbackStore(tmp_path / "fb.sqlite3"), login_on=True)
    source = tmp_path / "doc.txt"
    source.write_text("New document about integration.", encoding="utf-8")
    note, _ = app.upload([str(source)], None)
    assert "signed-in" in note and not (fake_assistant.settings.corpus_dir / "uploads").exists()
    note, rows = app.upload([str(source)], "someone")
    assert "doc.txt" in note and any(r[4] == "uploads/doc.txt" for r in rows)


def test_editors_reindex_with_prune_confirmation_and_roll_back(fake_assistant: Any, tmp_path: Path) -> None:
    corpus = fake_assistant.settings.corpus_dir
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_text(f"Document {name} about integration courses in Tartu.", encoding="utf-8")
    app = App(fake_assistant, FeedbackStore(tmp_path / "fb.sqlite3"))
    note, _ = app.rollback(None)
    assert "no previous version" in note.casefold()
    app.reindex(None)
    for name in ("a.txt", "b.txt"):
        (corpus / name).unlink()
    note, rows = app.reindex(None)
    assert "--prune" in note and len(rows) == 3  # refused: two of three documents would go
    note, rows = app.reindex(None, prune=True)
    assert "removed 2" in note and len(rows) == 1
    note, rows = app.rollback(None, "uk")
    assert note.startswith("Індекс повернуто") and len(rows) == 3
    assert rows[0][1] == "англійська"  # the document's language, named in the interface's language


def test_returning_to_the_previous_version_undoes_a_removal_or_an_upload_in_the_folder_too(
    fake_assistant: Any, tmp_path: Path
) -> None:
    from assistant.app.uploads import uploaded_files

    uploads = fake_assistant.settings.uploads_dir
    (fake_assistant.settings.corpus_dir / "a.txt").write_text("Jonava\n\nJonava joined in 2016.", encoding="utf-8")
    source = tmp_path / "riga-centre.txt"
    source.write_text("Riga centre\n\nThe centre in Riga is open on Fridays 10-15.", encoding="utf-8")
    app = App(fake_assistant, FeedbackStore(tmp_path / "fb.sqlite3"))
    app.upload([str(source)], None)
    app.remove("riga-centre.txt", None)
    note, rows = app.rollback(None)  # the removal undone: the document is listed and can be removed again
    assert note and "uploads/riga-centre.txt" in [r[4] for r in rows] and uploaded_files(uploads) == ["riga-centre.txt"]
    app.reindex(None)  # nothing to do: folder and index agree
    assert uploaded_files(uploads) == ["riga-centre.txt"]
    other = tmp_path / "tartu.txt"
    other.write_text("Tartu\n\nCourses in Tartu start in April.", encoding="utf-8")
    app.upload([str(other)], None)
    app.rollback(None)  # the upload undone: its file is set aside, not read by the next re-index
    assert uploaded_files(uploads) == ["riga-centre.txt"] and (uploads / ".removed" / "tartu.txt").is_file()
    _, rows = app.reindex(None)
    assert "uploads/tartu.txt" not in [r[4] for r in rows]


def test_empty_index_page_says_how_to_build_it(fake_assistant: Any) -> None:
    from assistant.app.chat import index_banner

    assert "make index" in index_banner(fake_assistant)
    (fake_assistant.settings.corpus_dir / "a.txt").write_text("Some text about integration.", encoding="utf-8")
    fake_assistant.index()
    assert index_banner(fake_assistant) == ""


def test_other_language_versions_are_shown_escaped_beside_the_passage() -> None:
    citation = make_citation(1, "001.txt", "lv", "Jonava kļuva pirmā.", "Jonava kļuva pirmā.")
    danish = Hit(chunk_id="d", doc_id="000.txt", text="Jonava blev <b>først</b>.", title="T", language="da", score=0.0)
    citation = Citation(
        1, Hit(**{**citation.hit.__dict__, "translations": (danish,)}), citation.quote, citation.quote_start, citation.quote_end
    )
    html = render_answer(make_answer("x [1]", (citation,), "lv"), 0)
    assert 'class="translation"' in html and "Tas pats fragments valodā: dāņu" in html
    assert "&lt;b&gt;først&lt;/b&gt;" in html


def test_an_added_document_can_be_removed_and_is_kept_aside(fake_assistant: Any, tmp_path: Path) -> None:
    from assistant.app.uploads import uploaded_files

    uploads = fake_assistant.settings.uploads_dir
    source = tmp_path / "tartu-courses.txt"
    source.write_text("Tartu courses\n\nFree Estonian courses in Tartu start in April.", encoding="utf-8")
    app = App(fake_assistant, FeedbackStore(tmp_path / "fb.sqlite3"))
    note, rows = app.upload([str(source)], None)
    assert uploaded_files(uploads) == ["tartu-courses.txt"] and any(r[4] == "uploads/tartu-courses.txt" for r in rows)
    note, rows = app.remove("tartu-courses.txt", None)  # the only document: the index keeps it, so does the folder
    assert "no document" in note and len(rows) == 1 and uploaded_files(uploads) == ["tartu-courses.txt"]
    (fake_assistant.settings.corpus_dir / "a.txt").write_text("Jonava\n\nJonava joined in 2016.", encoding="utf-8")
    app.reindex(None)
    note, _ = app.upload(None, None, language="uk")  # the button pressed without a file
    assert note == "Спочатку виберіть файл, який треба додати."
    note, rows = app.remove(None, None, language="de")
    assert note == "Wählen Sie ein hinzugefügtes Dokument zum Entfernen." and len(rows) == 2
    for bad in ("../a.txt", ".removed", "missing.txt"):
        note, rows = app.remove(bad, None)
        assert note.startswith("✘") and len(rows) == 2
    note, rows = app.remove("tartu-courses.txt", None, language="uk")
    assert "вилучено з джерел" in note and "вилучено 1" in note and [r[4] for r in rows] == ["a.txt"]
    assert uploaded_files(uploads) == [] and (uploads / ".removed" / "tartu-courses.txt").is_file()
    app.upload([str(source)], None)  # added again and removed again: the first copy aside is not overwritten
    app.remove("tartu-courses.txt", None)
    assert sorted(p.name for p in (uploads / ".removed").iterdir()) == ["tartu-courses-2.txt", "tartu-courses.txt"]
    app.upload([str(source)], None)
    source.write_text("Tartu courses\n\nFree Estonian courses in Tartu start in May.", encoding="utf-8")
    note, rows = app.upload([str(source)], None)  # the same name again: a new version replaces the document
    assert uploaded_files(uploads) == ["tartu-courses.txt"] and "May" in (uploads / "tartu-courses.txt").read_text()
    assert len(list((uploads / ".removed").iterdir())) == 3 and not any(p.name.startswith(".") for p in uploads.glob("*.txt"))
    app.remove("tartu-courses.txt", None)
    login = App(fake_assistant, FeedbackStore(tmp_path / "fb2.sqlite3"), login_on=True)
    app.upload([str(source)], None)
    note, _ = login.remove("tartu-courses.txt", None)
    assert "signed-in" in note and uploaded_files(uploads) == ["tartu-courses.txt"]


def test_two_passages_of_one_page_are_told_apart_in_the_sources() -> None:
    from assistant.app.rendering import render_citation, source_label
    from assistant.types import Citation, Hit

    title = "FOR-IN projekto mokomieji vizitai"
    first = Hit("a", "lt.html", "Delegacijoje dalyvavo …", title, "lt", 1.0, heading="Baltijos šalių delegacija")
    assert source_label(first) == "FOR-IN projekto mokomieji vizitai › Baltijos šalių delegacija"
    assert source_label(Hit("b", "lt.html", "…", title, "lt", 1.0, heading=title)) == title  # no repeat
    nested = Hit("c", "lt.html", "…", title, "lt", 1.0, heading=f"{title} > Baltijos šalių delegacija > Vilnius")
    assert source_label(nested) == "FOR-IN projekto mokomieji vizitai › Baltijos šalių delegacija › Vilnius"
    assert source_label(Hit("c", "lt.html", "…", title, "lt", 1.0, heading="x" * 200)).endswith("x…")
    html = render_citation(Citation(1, first, "Delegacijoje dalyvavo", 0, 21), 0, "uk")
    assert "<summary><bdi>[1]</bdi> <bdi>FOR-IN projekto mokomieji vizitai › Baltijos šalių delegacija</bdi> (литовська)" in html
