"""The Gradio chat: wiring only. Behaviour is in ``assistant.app.chat``, HTML in ``assistant.app.rendering``.

The interface follows the asker: once a question's language is detected, every label switches to it
(a manual choice in the language menu wins). Web fonts for Ethiopic and Arabic script are served with
the page, so Tigrinya, Arabic and Persian render where the machine has no such font.
"""

import html
import logging
from pathlib import Path
from typing import Any

from assistant.app.chat import (
    AUTO,
    App,
    Session,
    chosen_language,
    detected_label,
    document_columns,
    documents_rows,
    filter_options,
    index_banner,
    interface_language,
    language_choices,
    parse_auth,
)
from assistant.app.feedback import FeedbackStore
from assistant.app.rendering import direction
from assistant.app.uploads import uploaded_files
from assistant.config import Settings
from assistant.data import read_text
from assistant.ingest.loaders import MAX_FILE_BYTES, SUPPORTED_SUFFIXES
from assistant.languages.detection import browser_language
from assistant.languages.messages import message
from assistant.pipeline import Assistant, StoreUnavailable

logger = logging.getLogger(__name__)
# Questions the shipped corpus (the seed pages) answers, in several languages (tests/test_integration.py), each
# with the page that answers it: an example is offered only while that page is indexed (a caseworker's own
# corpus gets none it cannot answer).
EXAMPLES = [
    ("Хто є директором Північного центру соціального забезпечення?", "003_ec7a690aaa1c5137.txt"),
    ("متى زار وفد دول البلطيق الدنمارك والسويد؟", "002_f239626ca5b98d50.txt"),
    ("Hvornår holdes den nordiske integrationskonference i København?", "004_e9c6ed18b8d2bccf.txt"),
    ("Immisa waddan ayay IKEA ballan qaaday inay qaxootiga ka caawiso shaqo iyo tababar?", "001_d16b85ebd27a4f52.txt"),
    ("ናብ መደብ Intercultural Cities ዝተጸንበረት ቀዳመይቲ ከተማ ባልቲክ ኣየናይ እያ?", "000_7037c30f0eb20b20.txt"),
    ("Kas izveidoja Bēgļu stipendijas iniciatīvu Lietuvā?", "001_d16b85ebd27a4f52.txt"),
    ("Which was the first Baltic city to join the Intercultural Cities programme?", "000_7037c30f0eb20b20.txt"),
]


def indexed_examples(assistant: Assistant) -> list[str]:
    """The example questions whose pages are indexed."""
    try:
        indexed = {d["source"] for d in assistant.documents()}
    except StoreUnavailable:
        return []
    return [question for question, source in EXAMPLES if source in indexed]


FONT_FACES = {
    "Noto Sans Ethiopic": ("noto-sans-ethiopic-ethiopic-wght-normal.woff2", "U+1200-139F, U+2D80-2DDF, U+AB00-AB2F"),
    "Noto Sans Arabic": (
        "noto-sans-arabic-arabic-wght-normal.woff2",
        "U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200E",
    ),
}


def font_css(fonts_dir: Path) -> str:
    """@font-face rules for the provisioned web fonts (limited to their scripts' characters), placed first in
    the page's font stack: other characters fall through to the usual fonts."""
    rules, families = [], []
    for family, (name, ranges) in FONT_FACES.items():
        path = (fonts_dir / name).resolve()
        if not path.is_file():
            logger.warning("web font %s not found in %s: run 'make fonts'", name, fonts_dir)
            continue
        rules.append(
            f'@font-face {{ font-family: "{family}"; src: url("/gradio_api/file={path}") format("woff2"); '
            f"font-weight: 100 900; font-display: swap; unicode-range: {ranges}; }}"
        )
        families.append(f'"{family}"')
    if families:
        stack = ", ".join(families)
        rules.append(f".gradio-container, .gradio-container * {{ font-family: {stack}, var(--font), sans-serif; }}")
    return "\n".join(rules)


def labels(language: str) -> dict[str, Any]:
    """Every interface text in ``language``, by component name."""
    return {
        "title": f"## {message('title', language)}\n{message('subtitle', language)}",
        "placeholder": message("placeholder", language),
        "send": message("send", language),
        "detected": detected_label(language),
        "language": message("language", language),
        "filters": message("filters", language),
        "filter_tags": message("filter_tags", language),
        "filter_languages": message("filter_languages", language),
        "filter_documents": message("filter_documents", language),
        "feedback_comment": message("feedback_comment", language),
        "feedback_send": message("feedback_send", language),
        "upload": message("upload", language),
        "reindex": message("reindex", language),
        "rollback": message("rollback", language),
        "prune": message("prune", language),
        "added_documents": message("added_documents", language),
        "remove": message("remove", language),
        "examples": message("examples", language),
        "chat_tab": message("chat_tab", language),
        "sources_tab": message("sources_tab", language),
        "drop_files": message("drop_files", language),
    }


def drop_hint(language: str) -> str:
    """The upload box's "drop files here" text in ``language``, for ui.js to show in place of Gradio's English one."""
    return f'<span lang="{language}" dir="{direction(language)}">{html.escape(message("drop_files", language))}</span>'


def localized_choices(language: str) -> list[tuple[str, str]]:
    """The language menu with its "detect automatically" entry in ``language``."""
    return [(message("auto", language), AUTO), *language_choices()[1:]]


def build(app: App) -> Any:
    import gradio as gr

    tags, languages, documents = filter_options(app.assistant)
    text = labels("en")
    with gr.Blocks(title=message("title", "en"), analytics_enabled=False) as demo:
        session = gr.State(Session())
        ui_language = gr.State("en")
        title = gr.Markdown(text["title"], elem_id="title")
        banner = gr.Markdown(index_banner(app.assistant), elem_id="index-banner")
        # hidden, outside the tabs (always in the page): ui.js copies it into the upload box and gives the page its
        # language and direction
        hint = gr.HTML(drop_hint("en"), elem_id="drop-hint")
        with gr.Tabs():
            with gr.Tab(message("chat_tab", "en"), id="chat") as chat_tab:
                with gr.Row():
                    language = gr.Dropdown(language_choices(), value=AUTO, label=text["language"], elem_id="language", scale=1)
                    detected = gr.Markdown(text["detected"], elem_id="detected")
                with gr.Accordion(text["filters"], open=False) as filters:
                    tag_filter = gr.Dropdown(tags, multiselect=True, label=text["filter_tags"], elem_id="filter-tags")
                    language_filter = gr.Dropdown(languages, multiselect=True, label=text["filter_languages"])
                    document_filter = gr.Dropdown(documents, multiselect=True, label=text["filter_documents"])
                chatbot = gr.Chatbot(
                    elem_id="chat",
                    height=520,
                    sanitize_html=False,
                    render_markdown=False,
                    show_label=False,
                    buttons=["copy"],
                    group_consecutive_messages=False,  # a notice is not part of the answer before it
                )
                with gr.Row():
                    question = gr.Textbox(
                        placeholder=text["placeholder"], show_label=False, elem_id="question", scale=5, max_lines=6
                    )
                    send = gr.Button(text["send"], variant="primary", elem_id="send", scale=1)
                shown = indexed_examples(app.assistant)
                examples = gr.Examples(shown, inputs=[question], label=text["examples"]) if shown else None
                with gr.Row():
                    comment = gr.Textbox(label=text["feedback_comment"], elem_id="feedback-comment", scale=4)
                    comment_send = gr.Button(text["feedback_send"], elem_id="feedback-send", scale=1)
                feedback_status = gr.Markdown(elem_id="feedback-status")
            with gr.Tab(message("sources_tab", "en"), id="sources") as sources_tab:
                table = gr.Dataframe(
                    documents_rows(app.assistant),
                    headers=document_columns("en"),
                    interactive=False,
                    wrap=True,  # long titles wrap: every column fits the page
                    column_widths=["40%", "12%", "10%", "18%", "20%"],
                    elem_id="documents",
                )
                uploads = gr.File(
                    label=text["upload"], file_count="multiple", file_types=list(SUPPORTED_SUFFIXES), elem_id="upload"
                )
                with gr.Row():
                    add = gr.Button(text["upload"], elem_id="add-documents")
                    reindex = gr.Button(text["reindex"], elem_id="reindex")
                    prune = gr.Checkbox(False, label=text["prune"], elem_id="prune")
                    undo = gr.Button(text["rollback"], elem_id="rollback")
                with gr.Row():
                    added = gr.Dropdown(
                        uploaded_files(app.assistant.settings.uploads_dir),
                        value=None,
                        label=text["added_documents"],
                        elem_id="added-documents",
                    )
                    remove = gr.Button(text["remove"], elem_id="remove-document")
                ingest_status = gr.Markdown(elem_id="ingest-status")

        relabelled = [title, question, send, detected, language, filters, tag_filter, language_filter, document_filter]
        relabelled += [comment, comment_send, add, reindex, prune, undo, added, remove, chat_tab, sources_tab]
        relabelled += [table, uploads, ingest_status]
        relabelled += [examples.dataset if examples else gr.Markdown(visible=False), banner, hint]

        def documents_table(lang: str, rows: list[list[Any]] | None = None) -> Any:
            import pandas as pd

            rows = documents_rows(app.assistant, lang) if rows is None else rows
            return pd.DataFrame(rows, columns=document_columns(lang))

        def relabel(lang: str, table_too: bool = True) -> list[Any]:
            """Every label in ``lang``; the Sources table (its headers and language names) and the index banner
            only when asked, as they read the index."""
            words = labels(lang)
            rtl = direction(lang) == "rtl"
            return [
                gr.update(value=words["title"], rtl=rtl),  # an Arabic title reads right to left, "[n]" in place
                gr.update(placeholder=words["placeholder"], rtl=rtl),
                gr.update(value=words["send"]),
                gr.update(value=words["detected"], rtl=rtl),
                gr.update(label=words["language"], choices=localized_choices(lang)),
                gr.update(label=words["filters"]),
                gr.update(label=words["filter_tags"]),
                gr.update(label=words["filter_languages"]),
                gr.update(label=words["filter_documents"]),
                gr.update(label=words["feedback_comment"], rtl=rtl),
                gr.update(value=words["feedback_send"]),
                gr.update(value=words["upload"]),
                gr.update(value=words["reindex"]),
                gr.update(label=words["prune"]),
                gr.update(value=words["rollback"]),
                gr.update(label=words["added_documents"]),
                gr.update(value=words["remove"]),
                gr.update(label=words["chat_tab"]),
                gr.update(label=words["sources_tab"]),
                gr.update(value=documents_table(lang)) if table_too else gr.update(),
                gr.update(label=words["upload"]),
                gr.update(rtl=rtl),  # the ingest report in Persian or Arabic
                gr.update(label=words["examples"]),
                gr.update(value=index_banner(app.assistant, lang)) if table_too else gr.update(),  # reads the index
                gr.update(value=drop_hint(lang)),
            ]

        def on_question(*args: Any) -> Any:
            shown = None
            for chat, state, lang, box in app.respond(*args):
                yield [chat, state, lang, box, *relabel(lang, table_too=lang != shown)]
                shown = lang

        inputs = [question, chatbot, session, language, tag_filter, language_filter, document_filter]
        outputs = [chatbot, session, ui_language, question, *relabelled]
        send.click(on_question, inputs, outputs, api_visibility="private")
        question.submit(on_question, inputs, outputs, api_visibility="private")

        def on_language(choice: str, state: Session) -> list[Any]:
            lang = interface_language(choice, state.language)
            return [lang, *relabel(lang)]

        language.change(on_language, [language, session], [ui_language, *relabelled], api_visibility="private")

        def on_like(state: Session, data: gr.LikeData) -> tuple[Session, str]:
            return app.rate(state, data.index, data.liked)

        chatbot.like(on_like, [session], [session, feedback_status], api_visibility="private")
        comment_send.click(app.comment, [session, comment], [feedback_status, comment], api_visibility="private")

        def added_files() -> Any:
            return gr.update(choices=uploaded_files(app.assistant.settings.uploads_dir), value=None)

        def on_upload(
            files: list[Any] | None, lang: str, request: gr.Request, progress: gr.Progress = gr.Progress()
        ) -> tuple[str, Any, str, Any, None]:
            note, rows = app.upload(files, getattr(request, "username", None), progress, lang)
            return (
                note,
                documents_table(lang, rows),
                index_banner(app.assistant, lang),
                added_files(),
                None,
            )  # the upload box emptied

        def on_remove(
            name: str | None, lang: str, request: gr.Request, progress: gr.Progress = gr.Progress()
        ) -> tuple[str, Any, str, Any]:
            note, rows = app.remove(name, getattr(request, "username", None), progress, lang)
            return note, documents_table(lang, rows), index_banner(app.assistant, lang), added_files()

        def on_reindex(
            confirm: bool, lang: str, request: gr.Request, progress: gr.Progress = gr.Progress()
        ) -> tuple[str, Any, str]:
            note, rows = app.reindex(getattr(request, "username", None), bool(confirm), progress, lang)
            return note, documents_table(lang, rows), index_banner(app.assistant, lang)

        def on_rollback(lang: str, request: gr.Request) -> tuple[str, Any, str]:
            note, rows = app.rollback(getattr(request, "username", None), lang)
            return note, documents_table(lang, rows), index_banner(app.assistant, lang)

        edited = [ingest_status, table, banner, added]
        # the progress of an ingest is shown on its status line only, not over the table, banner and file lists
        add.click(
            on_upload, [uploads, ui_language], [*edited, uploads], api_visibility="private", show_progress_on=[ingest_status]
        )
        remove.click(on_remove, [added, ui_language], edited, api_visibility="private", show_progress_on=[ingest_status])
        demo.load(added_files, None, [added], api_visibility="private")  # files added since the app started

        def on_load(state: Session, request: gr.Request) -> list[Any]:
            """The interface in the browser's language (when supported); the banner and the documents as indexed
            now (a first start indexes the corpus after the page was built)."""
            headers = getattr(request, "headers", None) or {}
            state.browser = browser_language(headers.get("accept-language")) or "en"
            return [state, state.browser, *relabel(state.browser)]

        demo.load(on_load, [session], [session, ui_language, *relabelled], api_visibility="private", show_progress="hidden")
        reindex.click(
            on_reindex,
            [prune, ui_language],
            [ingest_status, table, banner],
            api_visibility="private",
            show_progress_on=[ingest_status],
        )
        undo.click(on_rollback, [ui_language], [ingest_status, table, banner], api_visibility="private")
        gr.api(app.ask_json, api_name="ask")
    return demo


def create(settings: Settings | None = None, assistant: Assistant | None = None) -> tuple[Any, App]:
    settings = settings or Settings()
    assistant = assistant or Assistant.from_settings(settings)
    app = App(assistant, FeedbackStore(settings.feedback_db), login_on=bool(parse_auth(settings)))
    demo = build(app)
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_size)
    return demo, app


def build_missing_index(assistant: Assistant) -> None:
    """On a first start the chat indexes the corpus folder before it opens; when it cannot (an empty folder,
    a server that is down) it opens anyway and its banner says what is missing."""
    from assistant.index.chroma import StoreUnavailable
    from assistant.ingest.indexing import CorpusError

    try:
        report = assistant.index_if_missing()
    except (CorpusError, StoreUnavailable) as error:
        logger.warning("the index could not be built: %s", error)
        return
    if report is not None:
        logger.info("indexed %d documents, %d passages (%s s)", len(report.added), report.chunks_total, report.seconds)


def launch(settings: Settings | None = None, host: str | None = None, port: int | None = None, block: bool = True) -> Any:
    import gradio as gr

    settings = settings or Settings()
    if settings.fonts_dir.is_dir():
        gr.set_static_paths([settings.fonts_dir.resolve()])
    demo, app = create(settings)
    build_missing_index(app.assistant)
    auth = parse_auth(settings)
    demo.launch(
        server_name=host or settings.host,
        server_port=port or settings.port,
        share=False,
        quiet=True,  # no "create a public link" hint: this app never makes one
        auth=auth or None,
        ssr_mode=False,
        prevent_thread_lock=True,
        show_error=False,
        footer_links=["api"],
        max_file_size=f"{MAX_FILE_BYTES // (1024 * 1024)}mb",
        css=read_text("ui.css") + "\n" + font_css(settings.fonts_dir),
        head=f"<script>{read_text('ui.js')}</script>",
    )
    logger.info("the chat is running on %s", demo.local_url or f"http://{host or settings.host}:{port or settings.port}")
    app.assistant.warm_up()  # the models load while the first visitor reads and types
    if block:
        demo.block_thread()
    return demo


__all__ = ["build", "chosen_language", "create", "launch"]
