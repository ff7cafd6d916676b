"""Answers written by an LLM in the asker's language, with every citation checked against its passage.

The retrieval, the abstain decision and the fallback are the extractive answerer's: when it abstains,
no LLM is called (nothing to invent from). Otherwise the few passages that matter go into the prompt
(``data/prompt.yaml``); after generation, citations to numbers that were not given are removed, a
sentence whose cited passages do not support it (embedding similarity to the passages' sentences) or
that cites nothing is dropped, and an answer with no supported sentence, an error or a timeout falls
back to the extractive answer with the reason in ``fallback``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.answer.extractive import Draft, ExtractiveAnswerer
from assistant.answer.generators import Generator, GeneratorError, TokenCallback
from assistant.data import read_text
from assistant.ingest.sentences import split_sentences
from assistant.languages.locale import language_name
from assistant.types import Citation, Hit, Retrieved, SentenceMatch

_MARKER = re.compile(r"\s*\[(\d+)\]")
_NUMBER = re.compile(r"\d+")
_END = re.compile(r"(.*?)([.!?…؟።]*)$", re.DOTALL)
# (claim text, chunk ids) -> (best similarity, the passage sentence that supports it best)
SupportCheck = Callable[[str, Sequence[str]], tuple[float, SentenceMatch | None]]


@lru_cache(maxsize=1)
def prompt_templates() -> dict[str, str]:
    import yaml

    text = read_text("prompt.yaml")
    data: dict[str, str] = yaml.safe_load(text)
    return data


def build_prompt(question: str, language: str, passages: Sequence[Hit]) -> tuple[str, str]:
    templates = prompt_templates()
    blocks = "\n".join(
        templates["passage"].format(n=n, language=p.language, title=p.title.replace('"', "'"), text=p.text.strip())
        for n, p in enumerate(passages, 1)
    )
    system = templates["system"].format(language_name=language_name(language, "en"))
    return system, templates["user"].format(passages=blocks, question=question)


@dataclass(frozen=True)
class Checked:
    text: str
    citations: tuple[Citation, ...]
    dropped: int


def check_citations(generated: str, passages: Sequence[Hit], support: SupportCheck, min_support: float) -> Checked:
    """Keep the sentences that cite given passages which support them; renumber citations in order of use."""
    numbers: dict[int, int] = {}  # prompt number -> answer number
    quotes: dict[int, SentenceMatch] = {}
    kept: list[str] = []
    dropped = 0
    for sentence in split_sentences(generated.strip()):
        cited = [int(n) for n in _MARKER.findall(sentence.text) if 1 <= int(n) <= len(passages)]
        claim = _MARKER.sub("", sentence.text).strip()
        if not cited or not claim:
            dropped += bool(claim)
            continue
        score, best = support(claim, [passages[n - 1].chunk_id for n in dict.fromkeys(cited)])
        if score < min_support or not numbers_grounded(claim, [passages[n - 1].text for n in cited]):
            dropped += 1
            continue
        markers = []
        for n in dict.fromkeys(cited):
            numbers.setdefault(n, len(numbers) + 1)
            markers.append(f"[{numbers[n]}]")
            if best is not None and best.chunk_id == passages[n - 1].chunk_id:
                quotes.setdefault(n, best)
        body, end = _END.match(claim.rstrip()).groups()  # type: ignore[union-attr]
        kept.append(f"{body.rstrip()} {''.join(markers)}{end}")
    citations = []
    for prompt_n, answer_n in numbers.items():
        hit = passages[prompt_n - 1]
        quote = quotes.get(prompt_n)
        if quote is not None and quote.end <= len(hit.text):
            spans = quote.spans or ((quote.start, quote.end),)
            citations.append(Citation(answer_n, hit, quote.text, quote.start, quote.end, spans))
        else:
            citations.append(Citation(answer_n, hit, "", 0, 0))
    return Checked(" ".join(kept), tuple(citations), dropped)


def numbers_grounded(claim: str, passages: Sequence[str]) -> bool:
    """Every number in a generated claim (a year, a date, a count) must occur in a passage it cites:
    a wrong number is the LLM error that embedding similarity cannot see."""
    found = set(_NUMBER.findall(" ".join(passages)))
    return all(number in found for number in _NUMBER.findall(claim))


class GeneratedAnswerer:
    def __init__(
        self,
        generator: Generator,
        extractive: ExtractiveAnswerer,
        support: SupportCheck,
        max_passages: int = 3,
        min_support: float = 0.45,
    ):
        self.generator = generator
        self.extractive = extractive
        self.support = support
        self.max_passages = max_passages
        self.min_support = min_support
        self.name = generator.name

    def answer(
        self,
        question: str,
        language: str,
        retrieved: Retrieved,
        on_token: TokenCallback | None = None,
        asked: str | None = None,
        reading: str | None = None,
    ) -> Draft:
        baseline = self.extractive.answer(question, language, retrieved, asked=asked, reading=reading)
        if baseline.abstained:
            return baseline
        cited = [c.hit for c in baseline.citations]
        passages = (cited + [h for h in retrieved.hits if h not in cited])[: self.max_passages]
        system, user = build_prompt(question, language, passages)
        try:
            generated = self.generator.chat(system, user, on_token)
        except GeneratorError as error:
            return fallback(baseline, f"generator error: {error}")
        checked = check_citations(generated, passages, self.support, self.min_support)
        if not checked.citations:
            return fallback(baseline, "the generated answer had no supported citation")
        note = f"{checked.dropped} unsupported sentence(s) dropped" if checked.dropped else ""
        return Draft(False, checked.text, checked.citations, baseline.confidence, note=note)


def fallback(baseline: Draft, reason: str) -> Draft:
    return Draft(baseline.abstained, baseline.text, baseline.citations, baseline.confidence, fallback=reason)
