"""Where and when a figure is, read from the text by the language layer (the comparison reads only these fields).

The sentences are the ones tests/compare/test_compare.py gives as records: here the real model
reads them and must set the same fields. All invented; the strike is on Tarvel, published
2031-05-12.
"""

from __future__ import annotations

from typing import Any

import pytest

from components.analysis import analyze
from components.ingest.article import Article
from components.language.figures import Figure

BASE = "A missile strike on Tarvel killed 4 people on Sunday, Kestrian officials said. Kestria called it a crime. "


def _figure(extra: str, phrase: str) -> Figure:
    result = analyze([Article(text=BASE + extra, published="2031-05-12")]).articles[0]
    found = [f for f in result.figures if f.type == "casualty" and phrase in result.article.text[f.start:f.end + 20]]
    assert found, [(f.text, f.category) for f in result.figures]
    return found[0]


@pytest.mark.parametrize(
    ("extra", "phrase", "expected"),
    [
        pytest.param("Last year's flood in Tarvel killed 30 people.", "30 people", {"time_cue": "last year"},
                     id="last-year"),
        pytest.param("In 2019, shelling killed 31 people.", "31 people", {"dated": ("2019",)}, id="other-year"),
        pytest.param("A flood on March 3, 2029 killed 32 people.", "32 people", {"dated": ("2029-03-03", "2029")},
                     id="a-date-near-it"),
        pytest.param("The town was last hit in January 2030, when a strike killed 9 people.", "9 people",
                     {"dated": ("2030-01", "2030")}, id="a-month-of-a-year"),
        pytest.param("A separate strike on Brovary killed 7 people.", "7 people", {"scene": ("brovary",)},
                     id="another-place"),
        pytest.param("Since the start of the war, 900 people were killed.", "900 people",
                     {"time_cue": "since the start"}, id="since-the-war"),
        pytest.param("The town was last hit in January, when a strike killed 9 people.", "9 people",
                     {"dated": ("2031-01",)}, id="a-month-alone-is-the-last-one"),
        pytest.param("Rescuers found two more bodies.", "two more bodies", {"increment": True, "body_count": True},
                     id="increment-of-bodies"),
        pytest.param("Officials said 3 of the dead were children.", "3 of the dead", {"partitive": True},
                     id="part-of-the-dead"),
        pytest.param("Officials in Velm put the toll at 7.", "toll at 7", {"scene": ()},
                     id="where-the-source-sits-is-no-scene"),
        pytest.param("The bodies of seven people killed in the strike were taken to the hospital in the town of Selk.",
                     "seven people", {"scene": ()}, id="where-victims-were-taken-is-no-scene"),
        pytest.param("Kestria said 7 people were killed.", "7 people", {"scene": (), "time_cue": None, "dated": ()},
                     id="a-party-is-no-place"),
        pytest.param("The civil war has killed more than 10,000 people, aid agencies say.", "10,000 people",
                     {"time_cue": "war has killed"}, id="a-wars-whole-toll"),
        pytest.param("It is set to be the deadliest year on record, the agency said, after 3,200 people died at sea.",
                     "3,200 people", {"time_cue": "deadliest year"}, id="a-years-whole-toll"),
        pytest.param("The fighting in Tarvel killed 7 people on Sunday.", "7 people", {"time_cue": None},
                     id="fighting-that-killed-is-the-event"),
        pytest.param("It was the deadliest strike of the year: 7 people were killed.", "7 people", {"time_cue": None},
                     id="deadliest-of-the-year-is-the-event"),
    ],
)
def test_context_of_a_figure(extra: str, phrase: str, expected: dict[str, Any]) -> None:
    figure = _figure(extra, phrase)
    for key, value in expected.items():
        assert getattr(figure, key) == value, (key, figure.to_dict())


def test_the_events_own_figure_has_its_own_place_and_no_other_time() -> None:
    figure = _figure("", "killed 4 people")
    assert set(figure.scene) <= {"tarvel"} and figure.time_cue is None and not figure.increment
    assert "tarvel" in figure.names  # a place the model did not tag is still among the sentence's names


def test_dozens_of_others_is_no_part_of_a_whole() -> None:
    figure = _figure("Dozens of others were wounded.", "Dozens of others")
    assert figure.vague == "dozens" and not figure.partitive


def test_the_records_carry_terms_and_names_for_the_comparison() -> None:
    text = BASE + '"The phone calls were called off," the Varnian envoy told reporters in 2031.'
    result = analyze([Article(text=text, title="Strike on Tarvel kills four", published="2031-05-12")]).articles[0]
    terms = dict(result.terms)
    assert terms["strike"] == 1 and "call" in terms and "the" not in terms and "told" not in terms
    assert "2031" not in terms and "reporter" not in terms  # numbers and reporting words are no terms
    assert "tarvel" in result.names and "tarvel" in result.title_names
    assert "kill" in result.title_terms or "kills" in result.title_terms
    quote = next(q for q in result.quotes if "phone" in q.text)
    assert set(quote.terms) >= {"phone", "call"} and not {"the", "were"} & set(quote.terms)
    parties = {e.name: e.party for e in result.entities}
    assert parties["Kestria"] and parties["Varnian"]  # a country or a nationality names a side, never the scene


@pytest.mark.parametrize(
    ("name", "label", "side", "party"),
    [
        pytest.param("Kestria", "GPE", "Kestria", True, id="its-own-side"),
        pytest.param("Moscow", "GPE", None, True, id="a-capital"),
        pytest.param("Valdoran", "PERSON", "Valdora", True, id="a-nationality-the-model-called-a-person"),
        pytest.param("Republic of Kestria", "GPE", "Kestria", True, id="a-state"),
        pytest.param("Tarvel", "GPE", None, False, id="a-town"),
        pytest.param("Valdoran province", "GPE", "Valdora", False, id="a-region-of-a-side"),
    ],
)
def test_which_names_are_parties(name: str, label: str, side: str | None, party: bool) -> None:
    from components.language.figure_context import is_party

    assert is_party(name, label, side) is party
