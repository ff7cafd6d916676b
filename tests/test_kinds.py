"""What kind of value a question asks for, in 17 languages, and whether a unit states one."""

import json
from collections import Counter
from pathlib import Path

import pytest

from assistant.answer.kinds import can_answer, required_kinds, states
from assistant.languages.detection import SUPPORTED

EXAMPLES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "value_kind_examples.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_the_examples_cover_every_language_and_kind() -> None:
    languages = Counter(e["lang"] for e in EXAMPLES)
    assert set(languages) == set(SUPPORTED) and min(languages.values()) >= 50
    kinds = Counter(k for e in EXAMPLES for k in e["kinds"])
    assert set(kinds) == {"money", "percent", "duration", "time", "date", "number", "contact", "place", "name"}


@pytest.mark.parametrize("language", SUPPORTED)
def test_question_kinds_per_language(language: str) -> None:
    examples = [e for e in EXAMPLES if e["lang"] == language]
    right = sum(set(required_kinds(e["question"], language)) == set(e["kinds"]) for e in examples)
    assert right / len(examples) >= 0.95
    assert all(not required_kinds(e["question"], language) for e in examples if not e["kinds"])  # open questions


def test_units_that_state_a_value() -> None:
    assert states("Enlig: 12 500 kr. om måneden", "money") and not states("Ydelsen udbetales månedligt", "money")
    assert states("Programmet varer tre måneder", "duration") and not states("Programmet varer længe", "duration")
    assert states("Kursus starter 4. maj", "date") and not states("Kursus starter snart", "date")
    assert states("Åbent kl. 9.00–15.00", "time") and not states("Åbent hver dag", "time")
    assert states("Tlf. 70 10 20 30", "contact") and not states("Ring til os", "contact")
    assert states("41 procent var i job", "percent") and not states("mange var i job", "percent")
    assert not states("1) viden 2) partnerskaber", "number")
    assert can_answer("Tlf. 70 10 20 30", ("contact",)) and not can_answer("Ring til os", ("contact",))
    assert can_answer("Ring til os", ("place", "name"))  # places and names are not checked
