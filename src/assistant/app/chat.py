"""The chat's behaviour as plain functions and one ``App`` class, testable without a browser.

Gradio wiring lives in ``assistant.app.ui``; HTML in ``assistant.app.rendering``.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.app.feedback import FeedbackStore
from assistant.app.rendering import direction, escape, render_answer, render_question
from assistant.app.uploads import UploadRejected, match_uploads_to_index, remove_upload, store_upload
from assistant.config import Settings
from assistant.index.chroma import StoreUnavailable
from assistant.index.versions import NothingToRollBack, rollback
from assistant.ingest.indexing import CorpusError, PruneRefused
from assistant.languages.detection import SUPPORTED, normalise_code
from assistant.languages.locale import language_name
from assistant.languages.messages import message
from assistant.pipeline import Assistant
from assistant.retrieve.questions import clean_question
from assistant.types import Answer, Filters

logger = logging.getLogger(__name__)
AUTO = "auto"
STREAM_STEP = 24  # characters per streamed update


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
    browser: str = "en"  # the browser's preferred supported language (its Accept-Language header)

    @property
    def language(self) -> str:
        """The language of the conversation so far (the browser's before the first question)."""
        return self.turns[-1].language if self.turns else self.browser


def autonym(code: str) -> str:
    """A language's name in itself, from CLDR: "українська", "ትግርኛ"."""
    return language_name(code, code)


def language_choices() -> list[tuple[str, str]]:
    return [(message("auto", "en"), AUTO)] + [(f"{autonym(code)} ({code})", code) for code in SUPPORTED]


def chosen_language(choice: str | None) -> str | None:
    return None if not choice or choice == AUTO else normalise_code(choice)


def interface_language(choice: str | None, detected: str) -> str:
    """The interface follows the asker: the manual choice when there is one, else the detected language."""
    return chosen_language(choice) or detected


def build_filters(tags: list[str] | None, languages: list[str] | None, documents: list[str] | None) -> Filters:
    return Filters(tuple(languages or ()), tuple(documents or ()), tuple(tags or ()))


def detected_label(language: str) -> str:
    return message("detected", language, name=f"{language_name(language, language)} ({language})")


def answer_messages(question: str, answer: Answer, turn: int) -> list[dict[str, str]]:
    return [
        {"role": "user", "content": render_question(question)},
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


def document_columns(language: str) -> list[str]:
    """The Sources table's column names in ``language``."""
    keys = ("source_title", "source_language", "col_passages", "col_indexed", "col_file")
    return [message(key, language) for key in keys]


def documents_rows(assistant: Assistant, language: str = "en") -> list[list[Any]]:
    try:
        documents = assistant.documents()
    except StoreUnavailable:
        return []
    return [[d["title"], language_name(d["language"], language), d["chunks"], d["indexed_at"], d["source"]] for d in documents]


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


NOTICE = '<div class="notice"'  # a message that is no answer ("Please type a question."), shown once


def notice(text: str, language: str) -> dict[str, str]:
    """A chat message that is no answer, shown until the next question."""
    return {"role": "assistant", "content": f'{NOTICE} dir="{direction(language)}">{escape(text)}</div>'}


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
        """Yields (chat, session, interface language, question box) as the answer is prepared; the
        interface language is the manual choice or, once the question's language is known, that one."""
        chat = [m for m in chat or [] if NOTICE not in str(m.get("content", ""))]  # an earlier notice goes
        previous = session.language
        forced = chosen_language(language_choice)
        ui_language = forced or previous
        if clean_question(question).empty:  # said in the chat, not silently ignored; nothing is asked
            yield [*chat, notice(message("empty", ui_language), ui_language)], session, ui_language, ""
            return
        pending = [
            *chat,
            {"role": "user", "content": render_question(question)},
            {"role": "assistant", "content": f'<div class="working">{escape(message("searching", ui_language))}</div>'},
        ]
        yield pending, session, ui_language, ""
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
            yield pending, session, ui_language, ""
        if isinstance(outcome.get("error"), StoreUnavailable):
            down = message("store_down", ui_language, location=self.assistant.store.location)
            pending[-1] = {"role": "assistant", "content": f'<div class="error">{escape(down)}</div>'}
            yield pending, session, ui_language, question
            return
        if "error" in outcome:
            raise outcome["error"]
        answer: Answer = outcome["answer"]
        ui_language = forced or answer.language
        turn = len(session.turns)
        for prefix in [] if streamed else streamed_prefixes(answer.text):
            pending[-1] = {"role": "assistant", "content": f'<div dir="{direction(answer.language)}">{escape(prefix)}</div>'}
            yield pending, session, ui_language, ""
        session.turns.append(Turn(answer.question, answer.language, answer.to_json()))
        answered = [*chat, *answer_messages(question, answer, turn)]
        if self._ingest_lock.locked():  # an upload is being indexed: its documents are not in this answer yet
            answered.append(notice(message("ingest_running", ui_language), ui_language))
        yield answered, session, ui_language, ""

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
        language = session.language
        if not session.feedback_id:
            return message("feedback_none", language), text
        if text.strip():
            self.feedback.add_comment(session.feedback_id, text.strip())
        return message("feedback_thanks", language), ""

    # -- editing the corpus (editors only when login is on) ----------------------------------------
    def upload(
        self, files: list[Any] | None, username: str | None, progress: Any = None, language: str = "en"
    ) -> tuple[str, list[list[Any]]]:
        if not may_edit(self.assistant.settings, username, self.login_on):
            return message("not_allowed", language), documents_rows(self.assistant, language)
        if not files:
            return message("upload_none", language), documents_rows(self.assistant, language)
        notes = []
        for item in files:
            path = Path(getattr(item, "name", None) or str(item))
            original = getattr(item, "orig_name", None) or path.name
            try:
                stored = store_upload(path, original, self.assistant.settings.uploads_dir)
                notes.append(f"✔ {escape(stored.name)}")
            except (UploadRejected, OSError) as error:
                notes.append(f"✘ {escape(Path(original).name)}: {escape(str(error))}")
        if not any(note.startswith("✔") for note in notes):
            return "\n\n".join(notes), documents_rows(self.assistant, language)
        report_note, _ = self._ingest(progress, prune=False, language=language)
        return "\n\n".join([*notes, report_note]), documents_rows(self.assistant, language)

    def remove(
        self, name: str | None, username: str | None, progress: Any = None, language: str = "en"
    ) -> tuple[str, list[list[Any]]]:
        """Take an added document out of the sources (the file is kept aside in the uploads folder's
        ``.removed``) and update the index."""
        if not may_edit(self.assistant.settings, username, self.login_on):
            return message("not_allowed", language), documents_rows(self.assistant, language)
        if not name:
            return message("remove_none", language), documents_rows(self.assistant, language)
        folder = self.assistant.settings.uploads_dir
        try:
            with self._ingest_lock:
                kept = remove_upload(name, folder)
        except (UploadRejected, OSError) as error:
            return f"✘ {escape(str(error))}", documents_rows(self.assistant, language)
        note, done = self._ingest(progress, prune=True, language=language)  # chosen by hand: no "is this the right folder?" guard
        if not done:  # the index still holds it (the last document, a store that is down): so does the folder
            kept.rename(folder.resolve() / name)
            return note, documents_rows(self.assistant, language)
        removed = message("removed", language, name=escape(name))
        return f"{removed}\n\n{note}", documents_rows(self.assistant, language)

    def reindex(
        self, username: str | None, prune: bool = False, progress: Any = None, language: str = "en"
    ) -> tuple[str, list[list[Any]]]:
        if not may_edit(self.assistant.settings, username, self.login_on):
            return message("not_allowed", language), documents_rows(self.assistant, language)
        return self._ingest(progress, prune, language)[0], documents_rows(self.assistant, language)

    def rollback(self, username: str | None, language: str = "en") -> tuple[str, list[list[Any]]]:
        if not may_edit(self.assistant.settings, username, self.login_on):
            return message("not_allowed", language), documents_rows(self.assistant, language)
        try:
            with self._ingest_lock:
                status = rollback(self.assistant.store)
                match_uploads_to_index(self.assistant.settings, self.assistant.store.active())
        except NothingToRollBack:
            return message("no_previous", language), documents_rows(self.assistant, language)
        except StoreUnavailable as error:
            return escape(str(error)), documents_rows(self.assistant, language)
        return message("rolled_back", language, built_at=status.built_at), documents_rows(self.assistant, language)

    def _ingest(self, progress: Any, prune: bool, language: str = "en") -> tuple[str, bool]:
        """Bring the index up to date with the folder: the report, and whether it was done."""

        def report(done: int, total: int) -> None:
            if progress is not None and total:
                progress((done, total), desc="embedding", unit="texts")

        try:
            with self._ingest_lock:
                result = self.assistant.index(progress=report, prune=prune)
        except (StoreUnavailable, CorpusError, PruneRefused) as error:
            return "⚠️ " + escape(str(error)), False
        counts = {"added": len(result.added), "updated": len(result.updated), "unchanged": len(result.unchanged)}
        lines = [message("ingest_report", language, **counts, removed=len(result.removed), passages=result.chunks_total)]
        lines += [message("skipped", language, path=escape(s.path), reason=escape(s.reason)) for s in result.skipped]
        return "\n\n".join(lines), True
