"""One calibrated decision to answer or abstain, from general signals of the retrieval.

A logistic model over the best passage's best unit similarity, how far it stands out from the other
candidates, its margin over the next passage, whether the question asks for a value, whether a unit holds
one and how much less similar that unit is than the best, and whether a detail the question pins (a year, a
level such as "A2") is missing from the evidence. Its weights are fitted on the development documents only
(``assistant eval --fit-abstention``) and shipped as ``data/abstention.json``; the same threshold holds
for every language.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.data import read_json
from assistant.types import Retrieved

FEATURES = (
    "unit",
    "unit_z",
    "margin",
    "asks_value",
    "value_present",
    "value_gap",
    "detail_missing",
    "follow_up",
)
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ][\wÀ-ɏ'’-]*")
_LETTER = re.compile(r"[^\W\d_]")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_OPENS = re.compile(r"(?:^|[.!?;؟።]\s+)[\W\d_]*\Z")  # a sentence's first word: "Und" of "… Seinäjoki? Und wie …?"
_CODE = re.compile(r"(?<!\w)[A-Za-z]{1,3}\d{1,2}(?!\w)")  # a level or a form: "A2", "B1"


def codes(text: str) -> set[str]:
    """The levels and forms a text names ("A2", "B1"), in capitals."""
    return {code.upper() for code in _CODE.findall(text)}


def years(text: str) -> set[str]:
    """The years a text names ("2026")."""
    return set(_YEAR.findall(text))


def fold(text: str) -> str:
    """Lower-case and strip diacritics, so 'Rīga' meets 'Riga'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def question_names(question: str) -> list[str]:
    """The words of a question that name something: Latin-script words written with a capital after the
    first word, every Latin-script word in a question written in another script ("Solsikken", "Brúin"),
    and codes such as "A2"."""
    letters = _LETTER.findall(question)
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    other_script = latin < len(letters) / 2
    names = [
        match.group()
        for match in _LATIN_WORD.finditer(question)
        if len(match.group()) >= 3
        and (other_script or (match.group()[0].isupper() and not _OPENS.search(question, 0, match.start())))
    ]
    return list(dict.fromkeys(names + _CODE.findall(question)))


def word_stem(word: str) -> str:
    """A folded word less its last three letters, keeping four: what its inflected forms start with ("tampere" of
    "Tampereella", "uuritoe" of "üüritoetus")."""
    return word[: max(4, len(word) - 3)]


def share_missing(question: str, evidence: str, also: Sequence[str] = ()) -> float:
    """The share of the question's names (and of ``also``: towns it writes in another script, by their Latin
    names) that the evidence text does not hold (compared by their first letters, diacritics folded, so inflected
    forms meet: "Tampereella" / "Tampere")."""
    names = list(dict.fromkeys([*question_names(question), *also]))
    if not names:
        return 0.0
    words = {fold(w) for w in re.findall(r"\w+", evidence)}
    missing = 0
    for name in names:
        if _CODE.fullmatch(name):
            found = any(word.startswith(fold(name)) for word in words)
        else:
            # a name joined to a noun by a hyphen is its first part ("Työpolku-mentorointihankkeen": Työpolku's project)
            first = re.findall(r"\w+", fold(name))[0]
            found = any(spelt_alike(word, word_stem(first)) for word in words) or town_elsewise(name, words)
        missing += not found
    return missing / len(names)


def town_elsewise(name: str, words: set[str]) -> bool:
    """Does the evidence name the town ``name`` names by another of its names ("Vasa" for "Vaasa"; a name of five
    letters or more also inflected, a shorter one only as written: "Åbo" is not "about")?"""
    from assistant.answer.places import spellings  # not at the top: places imports this module

    names = spellings(name)
    return any(word in names for word in words) or any(
        word.startswith(word_stem(spelling)) for spelling in names if len(spelling) >= 5 for word in words
    )


def spelt_alike(word: str, stem: str) -> bool:
    """Does ``word`` begin with ``stem``, or (a stem of five letters or more) with ``stem`` spelt with one other
    letter, as a name is written in another language ("Borlenges" in Latvian, "Borlänge")?"""
    if word.startswith(stem):
        return True
    head = word[: len(stem)]
    return len(stem) >= 5 and len(head) == len(stem) and sum(a != b for a, b in zip(head, stem, strict=True)) == 1


def years_missing(question: str, evidence: str) -> float:
    """1 when the question names a year that the evidence text does not."""
    asked = years(question)
    return 1.0 if asked and not asked & years(evidence) else 0.0


# A numbered thing: "stig 2", "level 3", "3. maiņa", "2nd shift" (a word and a number up to 9, not a range or a count
# of something plural: "3 kuud" has no dot).
_NUMBERED = re.compile(
    r"(?<![\w.,])(?P<n1>[1-9])(?:\.|st|nd|rd|th)\s+(?P<w1>[^\W\d_]{3,})|(?<!\w)(?P<w2>[^\W\d_]{3,})\s+(?P<n2>[1-9])(?![\w.,:/–-]|\s*[–-])"
)


def numbered(text: str) -> dict[str, set[str]]:
    """The numbered things a text names: a word's first four letters (folded) → its numbers."""
    found: dict[str, set[str]] = {}
    for match in _NUMBERED.finditer(text):
        word, number = (match.group("w1"), match.group("n1")) if match.group("n1") else (match.group("w2"), match.group("n2"))
        found.setdefault(fold(word)[:4], set()).add(number)
    return found


def numbers_missing(question: str, evidence: str) -> bool:
    """The question names a numbered thing ("stig 2", "3. maiņa") whose word the evidence numbers too, but never
    with that number ("stig 1" only). In another language than the evidence the word is not found: no signal."""
    held = numbered(evidence)
    return any(word in held and not numbers & held[word] for word, numbers in numbered(question).items())


def details_missing(question: str, retrieved: Retrieved) -> float:
    """1 when the question pins a detail that the best passage (with its title and headings) lacks: a year it
    names, a level or form ("A2", where the passage has "A1" or none), or a numbered thing ("stig 2", where the
    passage has "stig 1")."""
    if not retrieved.hits:
        return 0.0
    evidence = evidence_text(retrieved, 1)
    asked, held = codes(question), codes(evidence)
    missing = years_missing(question, evidence) or (asked and not asked & held) or numbers_missing(question, evidence)
    return 1.0 if missing else 0.0


def evidence_text(retrieved: Retrieved, passages: int = 3) -> str:
    """What the answer would rest on: the best passages with their document titles and heading paths."""
    return "\n".join(f"{h.title}\n{h.context}\n{h.text}" for h in retrieved.hits[:passages])


def answer_features(
    question: str, retrieved: Retrieved, eligible: Retrieved, asks_value: bool, follow_up: bool = False
) -> dict[str, float]:
    """The retrieval's signals plus what the question's value kind adds: whether it asks for a value,
    whether a unit of the passages states one, and how much less similar to the question the best such unit
    is than the best unit at all (a date next to the asked one is no answer to "until when?"); and whether
    the question is a follow-up searched together with the one before it (such a joined text meets every
    passage less closely than a question asked whole)."""
    best_any = retrieved.best_sentence_score
    best_value = eligible.best_sentence_score if any(eligible.sentences.values()) else best_any - 0.5
    top = retrieved.hits[0] if retrieved.hits else None
    fallback = {  # what a ranking without signals (hand-built in a test, or an old caller) still tells
        "unit": max((s.score for s in retrieved.sentences.get(top.chunk_id, ())), default=0.0) if top else 0.0,
        "best_unit": best_any,
        "passage": top.score if top else 0.0,
    }
    return {
        **fallback,
        **retrieved.signals,
        "asks_value": 1.0 if asks_value else 0.0,
        "value_present": 1.0 if any(eligible.sentences.values()) else 0.0,
        "value_gap": max(0.0, best_any - best_value),
        "names_missing": share_missing(question, evidence_text(retrieved)),
        "detail_missing": details_missing(question, retrieved),
        "follow_up": 1.0 if follow_up else 0.0,
    }


@dataclass
class AbstentionModel:
    """``threshold``: the confidence from which the question is answered. ``sure``: from which the answer is
    stated plainly; between the two it shows the closest passages as such, without stating a value (``None``:
    the same as ``threshold``). ``line``: from which a value the quotes hold is stated on a short line
    (``None``: the same as ``sure``)."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    sure: float | None = None
    line: float | None = None

    @classmethod
    def at_least(cls, minimum: float, sharpness: float = 40.0) -> AbstentionModel:
        """A model that answers when the best unit's similarity reaches ``minimum`` (for tests and tools)."""
        return cls({"best_unit": sharpness}, -sharpness * minimum)

    @classmethod
    def shipped(cls) -> AbstentionModel:
        data = read_json("abstention.json")
        threshold = float(data.get("threshold", 0.5))
        sure = float(data.get("sure", threshold))
        return cls(dict(data["weights"]), float(data["bias"]), threshold, sure, float(data.get("line", sure)))

    def confidence(self, features: dict[str, float]) -> float:
        """The probability that the question is answered by the retrieved passages."""
        z = self.bias + sum(weight * features.get(name, 0.0) for name, weight in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def answers(self, confidence: float) -> bool:
        return confidence >= self.threshold

    def is_sure(self, confidence: float) -> bool:
        return confidence >= (self.threshold if self.sure is None else self.sure)

    def states_value(self, confidence: float) -> bool:
        return self.is_sure(confidence) if self.line is None else confidence >= self.line

    def save(self, path: Path, about: str) -> None:
        data = {
            "_about": about,
            "weights": self.weights,
            "bias": self.bias,
            "threshold": self.threshold,
            "sure": self.sure,
            "line": self.line,
        }
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def fit(
    rows: Sequence[dict[str, float]], labels: Sequence[bool], features: Sequence[str] = FEATURES, l2: float = 0.01
) -> AbstentionModel:
    """Logistic regression by Newton's method (features standardised, then mapped back to raw weights)."""
    import numpy as np

    x = np.array([[row.get(f, 0.0) for f in features] for row in rows], dtype=np.float64)
    y = np.array([1.0 if label else 0.0 for label in labels])
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / std])
    w = np.zeros(z.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + l2 * np.r_[0.0, w[1:]]
        hessian = (z * (p * (1 - p))[:, None]).T @ z + l2 * np.diag(np.r_[0.0, np.ones(len(features))])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    raw = w[1:] / std
    bias = float(w[0] - (raw * mean).sum())
    return AbstentionModel({f: float(v) for f, v in zip(features, raw, strict=True)}, bias)
