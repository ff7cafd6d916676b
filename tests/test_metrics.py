import math

from assistant.evaluation.metrics import hit_at, is_relevant, keywords_present, ndcg, normalise, percentile, reciprocal_rank


def test_normalise_unifies_quotes_dashes_case_and_space() -> None:
    assert normalise("“Jonava”  –\u00a0RĪGA’s") == '"jonava" - rīga\'s'


def test_relevance_uses_normalised_evidence() -> None:
    assert is_relevant("Rīga – pirmo   galvaspilsētu", ["rīga - pirmo galvaspilsētu"])
    assert not is_relevant("something else", ["rīga"])
    assert not is_relevant("anything", [])


def test_evidence_copied_with_list_markers_matches_the_loaded_list() -> None:
    loaded = "Du kan läsa SFI om du:\nhar fyllt 16 år\nsaknar svenska"
    assert is_relevant(loaded, ["om du: - har fyllt 16 år"])
    assert is_relevant("Nya grupper startar:\nMåndag 12 januari 2026", ["startar: 1. Måndag 12 januari 2026"])
    assert is_relevant("bis zum 5. des Folgemonats", ["bis zum 5. des Folgemonats"])
    assert not is_relevant("bis zum 15. des Folgemonats", ["bis zum 5. des Folgemonats"])
    assert not is_relevant(loaded, ["om du: - har fyllt 18 år"])


def test_ranking_metrics() -> None:
    rels = [False, True, False, True]
    assert hit_at(rels, 1) == 0.0 and hit_at(rels, 2) == 1.0
    assert reciprocal_rank(rels) == 0.5
    expected = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    assert math.isclose(ndcg(rels), expected)


def test_ties_and_nothing_relevant() -> None:
    assert ndcg([False, False]) == 0.0 and reciprocal_rank([False] * 12) == 0.0
    assert ndcg([True, True]) == 1.0
    assert reciprocal_rank([False] * 10 + [True]) == 0.0  # beyond @10


def test_keywords_need_every_group() -> None:
    assert keywords_present("Jonava and Riga", [["jonava", "Йонава"], ["riga", "rīga"]])
    assert not keywords_present("Jonava only", [["jonava"], ["riga"]])
    assert keywords_present("Йонава", [["Jonava", "Йонава"]])
    assert not keywords_present("In short: 11 May 2026 [1]", [["20"], ["2026"]])  # "20" is not in "2026"
    assert keywords_present("In short: 20 August 2026 [2]", [["20"], ["2026"]])
    assert not keywords_present("In short: 1,20 euros [1]", [["20"]])  # nor in a decimal
    assert not keywords_present("In short: 45 [1]", [["1"]])  # a citation marker is no number of the answer
    assert keywords_present("Kort sagt: torsdag 09.30–11.30 [1]", [["9.30"], ["11.30"]])  # a leading zero
    assert keywords_present("kl. 14.00", [["14"]]) and not keywords_present("kl. 14.30", [["14"]])


def test_percentile() -> None:
    assert percentile([5, 1, 3, 2, 4], 50) == 3
    assert percentile([1, 2, 3, 4, 100], 95) == 100
    assert percentile([], 50) is None


def test_evidence_matches_a_table_row_whatever_cells_the_loader_read() -> None:
    from assistant.evaluation.metrics import is_relevant

    row = "Rodiklis | 2024 m. | 2025 m.\nIš jų ukrainiečiai | 512 | 547"
    assert is_relevant(row, ["Iš jų ukrainiečiai 512 | 547"]) and is_relevant(row, ["ukrainiečiai 512 547"])
    assert not is_relevant(row, ["ukrainiečiai 547 512"])
