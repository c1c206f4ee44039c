"""Datelines of wire copy become sentences of their own, before the parser (table-driven)."""

from __future__ import annotations

import pytest

from components.language.datelines import dateline_boundaries, dateline_end
from components.language.nlp import blank_english

TOKENIZER = blank_english()

DATELINES = [
    pytest.param("KOROVA, Valdoria (AP) — The interior minister said the bridge would reopen.", "The", id="agency"),
    pytest.param("ORAN, Dalmeria, March 3 (Reuters) - The army said 14 soldiers were killed.", "The", id="with-a-date"),
    pytest.param("SAN MARCO, Tessaline – Rescuers pulled two survivors from the hull.", "Rescuers", id="two-words"),
    pytest.param("WASHINGTON -- President Ana Sousa said the port would serve the region.", "President", id="bare"),
    pytest.param("LISENNE, May 20 (Meridian) ― Shelling killed 17 people.", "Shelling", id="horizontal-bar"),
]

NOT_DATELINES = [
    pytest.param("The minister — who spoke first — said the bridge would reopen.", id="a-sentence-with-dashes"),
    pytest.param("KOROVA is a port — and a busy one.", id="capitals-then-a-verb"),
    pytest.param("A — the first option — was chosen.", id="one-letter"),
    pytest.param("KOROVA, Valdoria (AP)\nThe interior minister said the bridge would reopen.", id="a-line-break-first"),
    pytest.param("UN inspectors arrived — late, as ever.", id="an-acronym-opens-a-sentence"),
]


@pytest.mark.parametrize(("text", "first_word"), DATELINES)
def test_a_dateline_ends_at_its_dash(text: str, first_word: str) -> None:
    doc = TOKENIZER(text)
    end = dateline_end(doc, 0, early=True)
    assert end is not None and doc[end + 1].text == first_word
    assert dateline_boundaries(TOKENIZER(text))[end + 1].is_sent_start


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_no_dateline(text: str) -> None:
    assert dateline_end(TOKENIZER(text), 0, early=True) is None


def test_a_bare_place_counts_only_early_in_the_article() -> None:
    """"NATO — the alliance of 32 — said" deep in an article is a sentence, not a dateline."""
    lead = "\n\n".join(["Talks opened in Korova on Monday."] * 4)
    doc = dateline_boundaries(TOKENIZER(lead + "\n\nNATO — the alliance of 32 — said it would send observers."))
    nato = next(t for t in doc if t.text == "NATO")
    assert dateline_end(doc, nato.i, early=False) is None
    assert not doc[nato.i + 2].is_sent_start
    framed = TOKENIZER(lead + "\n\nVELM, March 15 (Meridian) — The toll rose to 11.")
    velm = next(t for t in framed if t.text == "VELM")
    assert dateline_end(framed, velm.i, early=False) is not None


def test_the_step_runs_in_the_pipeline_before_the_parser() -> None:
    from components.language.nlp import get_nlp

    names = get_nlp().pipe_names
    assert names.index("dateline_boundaries") < names.index("parser")
