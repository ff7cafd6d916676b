"""End to end in real Chromium (Debian's package, driven by Playwright) against the app on loopback."""

import os
import shutil
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")  # a folder: save README screenshots there


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


FONTS = Path(__file__).resolve().parent.parent / "fonts"


@pytest.fixture(scope="module")
def server(seed_assistant: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    import gradio as gr

    from assistant.app.ui import create, font_css
    from assistant.data import read_text
    from assistant.models.provision import provision_fonts

    provision_fonts(FONTS)  # 'make fonts' did it already; a no-op then
    gr.set_static_paths([FONTS.resolve()])
    settings = seed_assistant.settings.model_copy(
        update={"feedback_db": tmp_path_factory.mktemp("fb") / "feedback.sqlite3", "fonts_dir": FONTS}
    )
    demo, app = create(settings, seed_assistant)
    port = free_port()
    demo.launch(
        server_name="127.0.0.1",
        server_port=port,
        prevent_thread_lock=True,
        share=False,
        ssr_mode=False,
        quiet=True,
        css=read_text("ui.css") + font_css(FONTS),
        head=f"<script>{read_text('ui.js')}</script>",
    )
    yield f"http://127.0.0.1:{port}", app
    demo.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is not installed (make browser)")
        pytest.skip("Debian chromium is not installed (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: Any, server: tuple[str, Any]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    page.goto(server[0])
    page.wait_for_selector("#question textarea")
    yield page
    context.close()


def ask(page: Any, question: str) -> Any:
    before = page.locator("#chat .answer").count()
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_function(f"document.querySelectorAll('#chat .answer').length > {before}", timeout=60_000)
    return page.locator("#chat .answer").last


@pytest.mark.parametrize(
    "question",
    [
        "Which was the first Baltic city to join the Intercultural Cities programme?",
        "Яке місто першим серед балтійських міст приєдналося до програми Intercultural Cities?",
    ],
)
def test_answer_with_citation_opens_its_passage(page: Any, question: str) -> None:
    answer = ask(page, question)
    assert "Jonava" in answer.inner_text()
    link = answer.locator("a.cite").first
    target = link.get_attribute("data-cite")
    source = page.locator(f"#{target}")
    assert not source.evaluate("e => e.open")
    link.click()
    page.wait_for_function(f"document.getElementById('{target}').open === true")
    assert any("Jonava" in mark for mark in source.locator("mark").all_inner_texts())  # the quoted words, highlighted
    page.wait_for_function(  # and scrolled into the chat's visible part
        f"""(() => {{
            const mark = document.getElementById('{target}').querySelector('blockquote.passage mark');
            const box = document.getElementById('chat').getBoundingClientRect();
            const r = mark.getBoundingClientRect();
            return r.top >= box.top && r.bottom <= box.bottom && r.bottom <= window.innerHeight;
        }})()"""
    )
    assert source.locator("blockquote.passage").first.is_visible()
    assert source.locator("details.translation").count() >= 1  # the Latvian version of the same passage
    page.wait_for_function(
        "[...document.querySelectorAll('#chat [aria-label*=\"message: \"]')].every(e => !e.getAttribute('aria-label').includes('<'))"
    )
    label = page.locator('#chat [aria-label^="bot\'s message: "]').last.get_attribute("aria-label")
    assert "Jonava" in label and "<" not in label  # a screen reader reads the answer's text, not its HTML
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / "chat-desktop.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        source.scroll_into_view_if_needed()
        page.screenshot(path=str(Path(SCREENSHOTS) / "chat-phone.png"), full_page=True)


def test_an_abstention_shows_its_closest_passages_on_request(page: Any) -> None:
    answer = ask(page, "What are the opening hours of the Lund municipality office?")
    assert "The sources do not answer this question." in answer.inner_text()
    assert answer.locator("a.cite").count() == 0
    closest = answer.locator("details.closest")
    assert not closest.evaluate("e => e.open")
    closest.locator("summary").click()
    page.wait_for_function("element => element.open === true", arg=closest.element_handle())
    assert closest.locator("blockquote.passage").first.is_visible()
    assert closest.locator("blockquote.passage").count() >= 1


# For each quote of an answer: is its citation marker on the quote's last line, right after the quote in the
# reading direction (to its left in a right-to-left answer), and is the quote isolated from the text around it?
MARKER_LAYOUT = """answer => [...answer.querySelectorAll('bdi.quote')].map(quote => {
  const marker = quote.nextElementSibling && quote.nextElementSibling.matches('bdi.marker')
    ? quote.nextElementSibling
    : quote.parentElement.querySelector('bdi.marker');
  const lines = quote.getClientRects();
  const last = lines[lines.length - 1];
  const box = marker.getBoundingClientRect();
  const rtl = getComputedStyle(answer).direction === 'rtl';
  return {
    isolated: getComputedStyle(quote).unicodeBidi === 'isolate',
    sameLine: box.top < last.bottom && box.bottom > last.top,
    gap: rtl ? last.left - box.right : box.left - last.right,
  };
})"""


def test_arabic_answer_renders_right_to_left_with_isolated_quotes(page: Any) -> None:
    answer = ask(page, "متى يعقد المؤتمر الشمالي للاندماج في كوبنهاغن؟")
    assert answer.get_attribute("dir") == "rtl"
    assert answer.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "العربية" in page.inner_text("#detected")
    assert answer.inner_text().startswith("باختصار: 20 نوفمبر")  # the short answer line, in Arabic
    layout = answer.evaluate(MARKER_LAYOUT)
    assert layout and all(q["isolated"] and q["sameLine"] and -2 <= q["gap"] <= 24 for q in layout), layout
    assert page.inner_text("#send") == "اسأل"  # the interface followed the asker
    # The title and the detected-language line read right to left too ("[n]" and "(ar)" in their place).
    for box in ("#title", "#detected"):
        directions = page.eval_on_selector(box, "e => [...e.querySelectorAll('*')].map(c => getComputedStyle(c).direction)")
        assert "rtl" in directions, (box, directions)
    assert answer.locator("bdi.value").count() >= 1  # the short line's value is isolated
    # The whole layout mirrors: the page reads right to left, the first tab (the chat) is the rightmost.
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    assert page.evaluate("document.documentElement.lang") == "ar"
    chat_tab, sources_tab = (page.get_by_role("tab", name=name).bounding_box() for name in ("المحادثة", "المصادر"))
    assert chat_tab and sources_tab and chat_tab["x"] > sources_tab["x"], (chat_tab, sources_tab)
    save_screenshot(page, "answer-arabic.png")
    page.get_by_role("tab", name="المصادر").click()  # the Sources tab follows too
    page.wait_for_timeout(500)
    headers = page.inner_text("#documents")
    assert "العنوان" in headers and "المقاطع" in headers and "Passages" not in headers, headers[:200]
    assert "أضف مستنداً" in page.inner_text("#upload")
    page.get_by_role("tab", name="المحادثة").click()
    ask(page, "When is the Nordic integration conference in Copenhagen held?")  # and back, for an English question
    page.wait_for_function("document.documentElement.dir === 'ltr'")


def save_screenshot(page: Any, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / name), full_page=True)


def test_ukrainian_short_answer_interface_and_follow_up(page: Any) -> None:
    answer = ask(page, "Що таке програма FOR-IN і які міста брали участь?")
    assert page.inner_text("#send") == "Запитати" and "Визначена мова: українська" in page.inner_text("#detected")
    answer.locator("a.cite").first.click()
    assert "литовська" in answer.locator("details.source").first.inner_text()  # a language name, not "lt"
    follow_up = ask(page, "А коли це було?")
    lines = follow_up.inner_text().splitlines()
    assert lines[0].startswith("Шукали: Що таке програма FOR-IN")  # the follow-up was searched with its subject
    assert lines[1].startswith("Коротко: 5–9") and "2022" in lines[1]  # the visit's dates, in Ukrainian
    save_screenshot(page, "answer-ukrainian.png")


def test_tigrinya_renders_with_the_served_ethiopic_font(page: Any) -> None:
    answer = ask(page, "ናብ መደብ Intercultural Cities ዝተጸንበረት ቀዳመይቲ ከተማ ባልቲክ ኣየናይ እያ?")
    assert "Jonava" in answer.inner_text()
    font = page.evaluate(
        """async () => {
            const faces = await document.fonts.load('32px "Noto Sans Ethiopic"', 'ሰላም');
            const canvas = document.createElement('canvas').getContext('2d');
            canvas.font = '32px "Noto Sans Ethiopic"';
            const ethiopic = canvas.measureText('ሰ').width;
            canvas.font = '32px "Noto Sans Ethiopic"';
            const notdef = canvas.measureText('\uffff').width;
            return {loaded: faces.map(f => f.status), glyph: ethiopic, notdef: notdef};
        }"""
    )
    assert font["loaded"] and all(status == "loaded" for status in font["loaded"])
    assert font["glyph"] > 10 and font["glyph"] != font["notdef"]  # a real glyph, not an empty box
    assert page.inner_text("#send") == "ሕተት"
    save_screenshot(page, "answer-tigrinya.png")


def test_feedback_is_stored(page: Any, server: tuple[str, Any]) -> None:
    ask(page, "Who is the director of the Nordic Welfare Centre?")
    before = len(server[1].feedback.all())
    page.locator("#chat button[aria-label='Like']").last.click()
    page.wait_for_function("document.querySelector('#feedback-status').innerText.length > 0", timeout=10_000)
    page.fill("#feedback-comment textarea", "clear answer")
    page.click("#feedback-send")
    page.wait_for_timeout(1500)
    rows = server[1].feedback.all()
    assert len(rows) == before + 1 and rows[-1]["vote"] == 1 and rows[-1]["comment"] == "clear answer"
    with sqlite3.connect(server[1].feedback.path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == len(rows)


def upload(page: Any, path: Path) -> None:
    page.get_by_role("tab", name="Sources").click()
    page.set_input_files("#upload input[type=file]", str(path))
    page.wait_for_timeout(1000)
    page.click("#add-documents")
    page.wait_for_function("document.querySelector('#ingest-status').innerText.includes('passages indexed')", timeout=120_000)
    page.get_by_role("tab", name="Chat").click()


def test_uploaded_document_becomes_answerable_and_html_stays_text(page: Any, server: tuple[str, Any], tmp_path: Path) -> None:
    app = server[1]
    document = tmp_path / "valmiera-cafe.txt"
    document.write_text(
        "Valmiera language café\n\n"
        "The Valmiera municipality opened a language café for refugees called Kafija un valoda in March 2024. "
        f"Its notice board once showed this text: {'<script>alert(1)</script>'} and <img src=x onerror=alert(2)>.\n",
        encoding="utf-8",
    )
    try:
        upload(page, document)
        answer = ask(page, "What is the name of the language café for refugees that Valmiera opened?")
        assert "Kafija un valoda" in answer.inner_text()
        answer.locator("a.cite").first.click()
        page.wait_for_timeout(500)
        html = answer.inner_html()
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
        assert page.locator("#chat img[src='x']").count() == 0
        page.wait_for_timeout(500)
        assert page.dialogs == []  # type: ignore[attr-defined]
        assert "<img src=x onerror=alert(2)>" in answer.inner_text() or "onerror=alert(2)" in answer.inner_text()
        page.get_by_role("tab", name="Sources").click()  # and taken out again
        page.click("#added-documents input")
        page.get_by_role("option", name="valmiera-cafe.txt").click()
        page.click("#remove-document")
        page.wait_for_function("document.querySelector('#ingest-status').innerText.includes('removed 1')", timeout=60_000)
        assert "valmiera-cafe.txt was removed from the sources" in page.inner_text("#ingest-status")
        assert "valmiera-cafe" not in page.inner_text("#documents")
        assert (app.assistant.settings.corpus_dir / "uploads" / ".removed" / "valmiera-cafe.txt").is_file()
    finally:
        shutil.rmtree(app.assistant.settings.corpus_dir / "uploads", ignore_errors=True)
        app.assistant.index()


def test_question_html_is_shown_as_text(page: Any) -> None:
    ask(page, "<img src=x onerror=alert(3)> Who is Dagfinn Høybråten?")
    assert page.locator("#chat img[src='x']").count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_an_empty_question_gets_a_notice_with_nothing_to_rate(page: Any) -> None:
    page.fill("#question textarea", "   ")
    page.click("#send")
    page.wait_for_selector("#chat .notice")
    row = page.locator("#chat .message-row:has(.notice)")
    buttons = row.locator("xpath=following-sibling::*[1]")
    assert "message-buttons" in (buttons.get_attribute("class") or "")  # Gradio's layout, which the CSS rule expects
    assert not buttons.is_visible()
    assert page.locator("#chat [data-testid='user']").count() == 0


def test_api_endpoint_returns_the_cli_json(server: tuple[str, Any]) -> None:
    from gradio_client import Client

    client = Client(server[0], verbose=False)
    data = client.predict("Hvornår holdes den nordiske integrationskonference?", None, api_name="/ask")
    assert data["language"] == "da" and data["citations"] and data["passages"]
    assert {"question", "abstained", "answer", "timings_ms"} <= set(data)


def test_only_corpus_files_could_ever_be_served(server: tuple[str, Any]) -> None:
    import urllib.error
    import urllib.request

    for path in ("/etc/passwd", str(Path(server[1].assistant.settings.corpus_dir).parent / "feedback.sqlite3")):
        try:
            with urllib.request.urlopen(f"{server[0]}/gradio_api/file={path}", timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        assert status in (403, 404)


def test_interface_follows_the_chosen_language_over_the_detected_one(page: Any) -> None:
    page.click("#language input")
    page.get_by_role("option", name="українська (uk)").click()
    page.wait_for_function("document.querySelector('#send').innerText.includes('Запитати')", timeout=10_000)
    assert "Програми інтеграції" in page.inner_text("#title")
    assert page.get_attribute("#question textarea", "placeholder") == "Поставте запитання своєю мовою…"
    assert "Мова відповіді" in page.inner_text("#language")
    ask(page, "Which was the first Baltic city to join the Intercultural Cities programme?")
    assert page.inner_text("#send") == "Запитати"  # the manual choice wins over the detected English


def test_the_index_banner_is_read_again_on_each_page_load(
    page: Any, server: tuple[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, app = server
    assert "make index" not in page.locator("#index-banner").inner_text()
    monkeypatch.setattr(app.assistant.store, "count", lambda: 0)  # the index emptied after the app started
    page.goto(server[0])
    page.wait_for_function("(document.querySelector('#index-banner')?.innerText || '').includes('make index')", timeout=20_000)
    monkeypatch.undo()  # and built again: a new page shows no banner
    page.goto(server[0])
    page.wait_for_selector("#question textarea")
    page.wait_for_timeout(1000)  # the load event has answered
    assert "make index" not in page.locator("#index-banner").inner_text()


def test_the_documents_table_is_read_again_on_each_page_load(
    page: Any, server: tuple[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, app = server
    monkeypatch.setattr(app.assistant.store, "active", lambda: None)  # nothing indexed yet (a first start)
    page.goto(server[0])
    page.get_by_role("tab").nth(1).click()
    page.wait_for_timeout(1500)  # the load event has answered
    assert "FOR-IN" not in page.inner_text("#documents")
    monkeypatch.undo()  # the corpus indexed after the page was built: a new page lists it
    page.goto(server[0])
    page.get_by_role("tab").nth(1).click()
    page.wait_for_function("(document.querySelector('#documents')?.innerText || '').includes('FOR-IN')", timeout=20_000)


def test_the_upload_box_speaks_the_interface_language(page: Any) -> None:
    page.get_by_role("tab", name="Sources").click()
    page.wait_for_function(
        "document.querySelector('#upload .drop-text')?.innerText === 'Drop files here or click to choose them'"
    )
    page.get_by_role("tab").first.click()
    page.click("#language input")
    page.get_by_role("option", name="العربية (ar)").click()
    page.wait_for_function("document.querySelector('#send').innerText.includes('اسأل')", timeout=10_000)
    page.get_by_role("tab").nth(1).click()
    page.wait_for_function("document.querySelector('#upload .drop-text')?.innerText === 'أفلت الملفات هنا أو انقر لاختيارها'")
    shown = page.locator("#upload .drop-text")
    assert shown.is_visible() and shown.get_attribute("dir") == "rtl" and shown.bounding_box()["width"] > 50
    assert page.locator("#upload button").first.get_attribute("aria-label") == "أفلت الملفات هنا أو انقر لاختيارها"
    gradio_text = page.locator('#upload [data-testid="upload-text"]').evaluate("e => getComputedStyle(e).fontSize")
    assert gradio_text == "0px"  # the English "Drop File Here" is not shown beside it


def test_the_interface_starts_in_the_browsers_language(browser: Any, server: tuple[str, Any]) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
    try:
        page = context.new_page()
        page.goto(server[0])
        page.wait_for_selector("#question textarea")
        page.wait_for_function("document.querySelector('#send')?.innerText === 'Запитати'", timeout=20_000)
        assert page.evaluate("document.documentElement.lang") == "uk"
        answer = ask(page, "IKEA?")  # too short to tell its language: answered in the browser's
        assert any(words in answer.inner_text() for words in ("Згідно з джерелами", "Джерела"))
    finally:
        context.close()
