"""The Gradio chat: a thin adapter over ``Assistant``; formatting lives in ``rendering``, state in plain functions."""

import logging
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.app.feedback import FeedbackStore
from assistant.app.rendering import direction, escape, render_answer, render_question
from assistant.app.uploads import UploadRejected, store_upload
from assistant.config import Settings
from assistant.data import read_text
from assistant.index.chroma import StoreUnavailable
from assistant.ingest.loaders import MAX_FILE_BYTES
from assistant.languages.detection import SUPPORTED, normalise_code
from assistant.languages.messages import message
from assistant.pipeline import Assistant
from assistant.types import Answer, Filters

logger = logging.getLogger(__name__)
AUTO = "auto"
STREAM_STEP = 24  # characters per streamed update
EXAMPLES = [
    "Which was the first Baltic city to join the Intercultural Cities programme?",
    "Яке місто першим серед балтійських міст приєдналося до програми Intercultural Cities?",
    "متى يعقد المؤتمر الشمالي للاندماج في كوبنهاغن؟",
    "Hvilke danske kommuner besøgte den baltiske delegation?",
    "Kas izveidoja Bēgļu stipendijas iniciatīvu Lietuvā?",
    "Magaalada ugu horreysay ee Baltic ah ee ku biirtay barnaamijka Intercultural Cities waa tee?",
]


@dataclass
class Turn:
    question: str
    language: str
    answer: dict[str, Any]


@dataclass
class Session:
    """What the UI keeps per browser session."""

    turns: list[Turn] = field(default_factory=list)
    feedback_id: int = 0


# -- plain functions (unit-tested without a browser) ---------------------------------------------
def language_choices() -> list[tuple[str, str]]:
    return [(message("auto", "en"), AUTO)] + [(f"{message('language_name', code)} ({code})", code) for code in SUPPORTED]


def chosen_language(choice: str | None) -> str | None:
    return None if not choice or choice == AUTO else normalise_code(choice)


def build_filters(tags: list[str] | None, languages: list[str] | None, documents: list[str] | None) -> Filters:
    return Filters(tuple(languages or ()), tuple(documents or ()), tuple(tags or ()))


def detected_label(language: str) -> str:
    return message("detected", language, name=f"{message('language_name', language)} ({language})")


def answer_messages(question: str, answer: Answer, turn: int) -> list[dict[str, str]]:
    return [
        {"role": "user", "content": render_question(question, answer.language)},
        {"role": "assistant", "content": render_answer(answer, turn)},
    ]


def streamed_prefixes(text: str, step: int = STREAM_STEP) -> Iterator[str]:
    """Growing prefixes of the answer text, cut at spaces, for a streamed display."""
    position = 0
    while position < len(text):
        nxt = text.find(" ", position + step)
        position = len(text) if nxt == -1 else nxt
        yield text[:position]


def turn_of_message(index: Any) -> int:
    """Chat message index (user, assistant, user, …) → turn number."""
    value = index[0] if isinstance(index, list | tuple) else index
    return int(value) // 2


def parse_auth(settings: Settings) -> list[tuple[str, str]]:
    entries = [e for e in settings.auth.split(",") if e.strip()]
    if settings.auth_file is not None and settings.auth_file.is_file():
        entries += [
            line
            for line in settings.auth_file.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
    pairs = []
    for entry in entries:
        user, sep, password = entry.strip().partition(":")
        if sep and user and password:
            pairs.append((user, password))
        else:
            logger.warning("ignoring a login entry without 'user:password'")
    return pairs


def may_edit(settings: Settings, username: str | None, login_on: bool) -> bool:
    if not login_on:
        return True
    if not username:
        return False
    editors = {e.strip() for e in settings.editors.split(",") if e.strip()}
    return not editors or username in editors


def documents_rows(assistant: Assistant) -> list[list[Any]]:
    try:
        documents = assistant.documents()
    except StoreUnavailable:
        return []
    return [[d["title"], d["language"], d["chunks"], d["indexed_at"], d["source"]] for d in documents]


def filter_options(assistant: Assistant) -> tuple[list[str], list[str], list[str]]:
    try:
        documents = assistant.documents()
    except StoreUnavailable:
        return [], [], []
    tags = sorted({t for d in documents for t in d["tags"]})
    languages = sorted({d["language"] for d in documents})
    return tags, languages, [d["source"] for d in documents]


def index_banner(assistant: Assistant, language: str = "en") -> str:
    try:
        count = assistant.store.count()
    except StoreUnavailable:
        return f"⚠️ {message('store_down', language, location=assistant.store.location)}"
    return "" if count else f"⚠️ {message('index_missing', language)}"


class App:
    """Callbacks bound to one ``Assistant``; each is a plain method a test can call."""

    def __init__(self, assistant: Assistant, feedback: FeedbackStore, login_on: bool = False):
        self.assistant = assistant
        self.feedback = feedback
        self.login_on = login_on
        self._ingest_lock = threading.Lock()

    def ask_json(self, question: str, language: str | None = None) -> dict[str, Any]:
        """The ``ask`` API endpoint: the same JSON as ``assistant ask --json``."""
        try:
            return self.assistant.ask(question or "", lang=chosen_language(language)).to_json()
        except StoreUnavailable:
            lang = chosen_language(language) or "en"
            text = message("store_down", lang, location=self.assistant.store.location)
            return {**Answer(question or "", lang, True, text, (), (), message=text).to_json(), "error": "store_unavailable"}

    def respond(
        self,
        question: str,
        chat: list[dict[str, str]],
        session: Session,
        language_choice: str,
        tags: list[str] | None = None,
        languages: list[str] | None = None,
        documents: list[str] | None = None,
    ) -> Iterator[tuple[list[dict[str, str]], Session, str, str]]:
        chat = list(chat or [])
        previous = session.turns[-1].language if session.turns else "en"
        forced = chosen_language(language_choice)
        ui_language = forced or previous
        if not (question or "").strip():
            yield chat, session, detected_label(ui_language), ""
            return
        pending = [
            *chat,
            {"role": "user", "content": render_question(question, ui_language)},
            {"role": "assistant", "content": escape(message("searching", ui_language))},
        ]
        yield pending, session, detected_label(ui_language), ""
        tokens: queue.Queue[str | None] = queue.Queue()
        outcome: dict[str, Any] = {}

        def work() -> None:
            try:
                outcome["answer"] = self.assistant.ask(
                    question,
                    lang=forced,
                    filters=build_filters(tags, languages, documents),
                    history=[t.question for t in session.turns],
                    fallback_language=previous,
                    on_token=tokens.put,
                )
            except Exception as error:  # handed to the generator below, which decides
                outcome["error"] = error
            finally:
                tokens.put(None)

        threading.Thread(target=work, daemon=True).start()
        streamed = ""
        while (token := tokens.get()) is not None:  # an LLM generator streams its tokens here
            streamed += token
            pending[-1] = {"role": "assistant", "content": f'<div dir="auto">{escape(streamed)}</div>'}
            yield pending, session, detected_label(ui_language), ""
        if isinstance(outcome.get("error"), StoreUnavailable):
            down = message("store_down", ui_language, location=self.assistant.store.location)
            pending[-1] = {"role": "assistant", "content": f'<div class="error">{escape(down)}</div>'}
            yield pending, session, detected_label(ui_language), question
            return
        if "error" in outcome:
            raise outcome["error"]
        answer: Answer = outcome["answer"]
        turn = len(session.turns)
        for prefix in [] if streamed else streamed_prefixes(answer.text):
            pending[-1] = {"role": "assistant", "content": f'<div dir="{direction(answer.language)}">{escape(prefix)}</div>'}
            yield pending, session, detected_label(answer.language), ""
        session.turns.append(Turn(answer.question, answer.language, answer.to_json()))
        yield [*chat, *answer_messages(question, answer, turn)], session, detected_label(answer.language), ""

    def rate(self, session: Session, index: Any, liked: Any) -> tuple[Session, str]:
        turn_number = turn_of_message(index)
        if not 0 <= turn_number < len(session.turns):
            return session, ""
        turn = session.turns[turn_number]
        vote = 1 if liked is True or liked == "Like" else -1
        session.feedback_id = self.feedback.record(
            turn.question, turn.answer["answer"], turn.answer["citations"], turn.language, vote
        )
        return session, message("feedback_thanks", turn.language)

    def comment(self, session: Session, text: str) -> tuple[str, str]:
        language = session.turns[-1].language if session.turns else "en"
        if not session.feedback_id:
            return message("feedback_none", language), text
        if text.strip():
            self.feedback.add_comment(session.feedback_id, text.strip())
        return message("feedback_thanks", language), ""

    def upload(self, files: list[Any] | None, username: str | None, progress: Any = None) -> tuple[str, list[list[Any]]]:
        if not may_edit(self.assistant.settings, username, self.login_on):
            return message("not_allowed", "en"), documents_rows(self.assistant)
        notes = []
        for item in files or []:
            path = Path(getattr(item, "name", None) or str(item))
            original = getattr(item, "orig_name", None) or path.name
            try:
                stored = store_upload(path, original, self.assistant.settings.corpus_dir)
                notes.append(f"✔ {escape(stored.name)}")
            except (UploadRejected, OSError) as error:
                notes.append(f"✘ {escape(Path(original).name)}: {escape(str(error))}")
        report_note = self._ingest(progress)
        return "\n\n".join([*notes, report_note]), documents_rows(self.assistant)

    def reindex(self, username: str | None, progress: Any = None) -> tuple[str, list[list[Any]]]:
        if not may_edit(self.assistant.settings, username, self.login_on):
            return message("not_allowed", "en"), documents_rows(self.assistant)
        return self._ingest(progress), documents_rows(self.assistant)

    def _ingest(self, progress: Any) -> str:
        def report(done: int, total: int) -> None:
            if progress is not None and total:
                progress((done, total), desc="embedding", unit="chunks")

        try:
            with self._ingest_lock:
                result = self.assistant.index(progress=report)
        except StoreUnavailable as error:
            return escape(str(error))
        lines = [
            f"added {len(result.added)}, updated {len(result.updated)}, unchanged {len(result.unchanged)}, "
            f"removed {len(result.removed)}; {result.chunks_total} passages indexed"
        ]
        lines += [f"skipped {escape(s.path)}: {escape(s.reason)}" for s in result.skipped]
        return "\n\n".join(lines)


# -- Gradio wiring ------------------------------------------------------------------------------
def asset(name: str) -> str:
    return read_text(name)


def build(app: App) -> Any:
    import gradio as gr

    tags, languages, documents = filter_options(app.assistant)
    with gr.Blocks(title=message("title", "en"), analytics_enabled=False) as demo:
        session = gr.State(Session())
        title = gr.Markdown(f"## {message('title', 'en')}\n{message('subtitle', 'en')}", elem_id="title")
        banner = gr.Markdown(index_banner(app.assistant), elem_id="index-banner")
        with gr.Tabs():
            with gr.Tab(message("chat_tab", "en"), id="chat"):
                with gr.Row():
                    language = gr.Dropdown(
                        language_choices(), value=AUTO, label=message("language", "en"), elem_id="language", scale=1
                    )
                    detected = gr.Markdown(detected_label("en"), elem_id="detected")
                with gr.Accordion(message("filters", "en"), open=False) as filters:
                    tag_filter = gr.Dropdown(tags, multiselect=True, label=message("filter_tags", "en"), elem_id="filter-tags")
                    language_filter = gr.Dropdown(languages, multiselect=True, label=message("filter_languages", "en"))
                    document_filter = gr.Dropdown(documents, multiselect=True, label=message("filter_documents", "en"))
                chatbot = gr.Chatbot(elem_id="chat", height=520, sanitize_html=False, render_markdown=False, show_label=False)
                with gr.Row():
                    question = gr.Textbox(
                        placeholder=message("placeholder", "en"), show_label=False, elem_id="question", scale=5, max_lines=6
                    )
                    send = gr.Button(message("send", "en"), variant="primary", elem_id="send", scale=1)
                gr.Examples(EXAMPLES, inputs=[question], label=message("examples", "en"))
                with gr.Row():
                    comment = gr.Textbox(label=message("feedback_comment", "en"), elem_id="feedback-comment", scale=4)
                    comment_send = gr.Button(message("feedback_send", "en"), elem_id="feedback-send", scale=1)
                feedback_status = gr.Markdown(elem_id="feedback-status")
            with gr.Tab(message("sources_tab", "en"), id="sources"):
                table = gr.Dataframe(
                    documents_rows(app.assistant),
                    headers=["title", "language", "chunks", "indexed", "source"],
                    interactive=False,
                    elem_id="documents",
                )
                uploads = gr.File(
                    label=message("upload", "en"),
                    file_count="multiple",
                    file_types=[".txt", ".md", ".html", ".htm", ".pdf", ".docx"],
                    elem_id="upload",
                )
                with gr.Row():
                    add = gr.Button(message("upload", "en"), elem_id="add-documents")
                    reindex = gr.Button(message("reindex", "en"), elem_id="reindex")
                ingest_status = gr.Markdown(elem_id="ingest-status")

        inputs = [question, chatbot, session, language, tag_filter, language_filter, document_filter]
        outputs = [chatbot, session, detected, question]
        send.click(app.respond, inputs, outputs, api_visibility="private")
        question.submit(app.respond, inputs, outputs, api_visibility="private")

        def relabel(choice: str) -> tuple[Any, ...]:
            lang = chosen_language(choice) or "en"
            rtl = direction(lang) == "rtl"
            return (
                gr.update(value=f"## {message('title', lang)}\n{message('subtitle', lang)}"),
                gr.update(placeholder=message("placeholder", lang), rtl=rtl),
                gr.update(value=message("send", lang)),
                gr.update(value=detected_label(lang)),
                gr.update(label=message("language", lang)),
                gr.update(label=message("filters", lang)),
                gr.update(label=message("filter_tags", lang)),
                gr.update(label=message("filter_languages", lang)),
                gr.update(label=message("filter_documents", lang)),
                gr.update(label=message("feedback_comment", lang), rtl=rtl),
                gr.update(value=message("feedback_send", lang)),
            )

        relabelled = [
            title,
            question,
            send,
            detected,
            language,
            filters,
            tag_filter,
            language_filter,
            document_filter,
            comment,
            comment_send,
        ]
        language.change(relabel, [language], relabelled, api_visibility="private")

        def on_like(state: Session, data: gr.LikeData) -> tuple[Session, str]:
            return app.rate(state, data.index, data.liked)

        chatbot.like(on_like, [session], [session, feedback_status], api_visibility="private")
        comment_send.click(app.comment, [session, comment], [feedback_status, comment], api_visibility="private")

        def on_upload(
            files: list[Any] | None, request: gr.Request, progress: gr.Progress = gr.Progress()
        ) -> tuple[str, Any, str]:
            note, rows = app.upload(files, getattr(request, "username", None), progress)
            return note, rows, index_banner(app.assistant)

        def on_reindex(request: gr.Request, progress: gr.Progress = gr.Progress()) -> tuple[str, Any, str]:
            note, rows = app.reindex(getattr(request, "username", None), progress)
            return note, rows, index_banner(app.assistant)

        add.click(on_upload, [uploads], [ingest_status, table, banner], api_visibility="private")
        reindex.click(on_reindex, None, [ingest_status, table, banner], api_visibility="private")
        gr.api(app.ask_json, api_name="ask")
    return demo


def create(settings: Settings | None = None, assistant: Assistant | None = None) -> tuple[Any, App]:
    settings = settings or Settings()
    assistant = assistant or Assistant.from_settings(settings)
    app = App(assistant, FeedbackStore(settings.feedback_db), login_on=bool(parse_auth(settings)))
    demo = build(app)
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_size)
    return demo, app


def launch(settings: Settings | None = None, host: str | None = None, port: int | None = None, block: bool = True) -> Any:
    settings = settings or Settings()
    demo, app = create(settings)
    auth = parse_auth(settings)
    demo.launch(
        server_name=host or settings.host,
        server_port=port or settings.port,
        share=False,
        auth=auth or None,
        ssr_mode=False,
        prevent_thread_lock=True,
        show_error=False,
        footer_links=["api"],
        max_file_size=f"{MAX_FILE_BYTES // (1024 * 1024)}mb",
        css=asset("ui.css"),
        head=f"<script>{asset('ui.js')}</script>",
    )
    # The page is up; the models load while the first visitor reads and types.
    app.assistant.warm_up()
    if block:
        demo.block_thread()
    return demo
