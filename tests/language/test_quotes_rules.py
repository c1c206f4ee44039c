"""Quote rules without the statistical model: quotation marks on plain text, cues on hand-built Docs.

Each Doc is built word by word with its parse (heads, labels, tags, lemmas), so a rule is tested
on exactly the structure it is written for, whatever the model would have produced.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from spacy.tokens import Doc

from components.language.entities import EntityIndex
from components.language.nlp import blank_english
from components.language.quotes import extract_quotes, find_quote_spans, is_quoted_words, is_speech

NO_ENTITIES = EntityIndex([], form_to_name={})


class W(NamedTuple):
    """One word of a hand-built Doc: its head is an absolute index."""

    text: str
    head: int
    dep: str
    pos: str
    tag: str
    lemma: str = ""
    space: bool = True


def make_doc(words: list[W]) -> Doc:
    return Doc(
        blank_english().vocab,
        words=[w.text for w in words],
        spaces=[w.space for w in words],
        heads=[w.head for w in words],
        deps=[w.dep for w in words],
        pos=[w.pos for w in words],
        tags=[w.tag for w in words],
        lemmas=[w.lemma or w.text.lower() for w in words],
    )


# -- quotation marks, character level ------------------------------------------------------------

SPAN_CASES = [
    pytest.param("He said, “We stay.”", ["We stay."], id="curly-pair"),
    pytest.param('He said, "We stay."', ["We stay."], id="straight-pair"),
    pytest.param("Elle a dit « nous restons » hier.", ["nous restons"], id="guillemets"),
    pytest.param("“One,” she said, “two.”", ["One,", "two."], id="split-quote-two-spans"),
    pytest.param("The farmers don”t expect rain.", [], id="mark-inside-a-word"),
    pytest.param('A "peace plan" and a "truce".', ["peace plan", "truce"], id="two-straight-pairs"),
    pytest.param("“Unclosed to the end\n\nNext paragraph.", ["Unclosed to the end"], id="unclosed-ends-with-paragraph"),
    pytest.param("“First part\n\nsecond part,” he said.", ["First part\n\nsecond part,"],
                 id="closed-at-head-of-later-paragraph"),
    pytest.param("'It is a tragedy,' the governor said.", ["It is a tragedy,"], id="straight-single-pair"),
    pytest.param("‘We stay,’ she said. The soldiers’ wives agreed.", ["We stay,"], id="curly-single-pair"),
    pytest.param("The soldiers' families and the Kestria’s envoy met.", [], id="apostrophes-are-no-quotes"),
    pytest.param("He said, “the ‘peace plan’ is dead.”", ["the ‘peace plan’ is dead."], id="single-inside-double"),
]


@pytest.mark.parametrize(("text", "contents"), SPAN_CASES)
def test_quote_spans(text: str, contents: list[str]) -> None:
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == contents
    for span in spans:
        assert text[span.open] in "“«\"'‘"


def test_paragraphs_that_reopen_a_quote_are_linked() -> None:
    text = "“We will rebuild,” she said. “It will take a year.\n\n“And it will cost a fortune.”\n\nThe end."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We will rebuild,", "It will take a year.", "And it will cost a fortune."
    ]
    assert spans[1].close is None  # left open at its paragraph's end ...
    assert spans[2].continues == 1  # ... and carried on by the next paragraph's opening mark
    assert spans[0].continues is None


def test_a_new_quote_mid_paragraph_does_not_continue_an_unclosed_one() -> None:
    text = "“Unclosed here\n\nShe said “a new one” later."
    spans = find_quote_spans(text)
    assert [s.continues for s in spans] == [None, None]


# -- speech or label ------------------------------------------------------------------------------

def _quoted(words: list[tuple[str, str]]) -> Doc:
    return make_doc([W(t, i, "dep", "X", tag) for i, (t, tag) in enumerate(words)])


SPEECH_CASES = [
    pytest.param([("has", "VBZ"), ("become", "VBN"), ("a", "DT"), ("party", "NN")], True, True, id="clause"),
    pytest.param([("should", "MD"), ("be", "VB"), ("aware", "JJ")], True, True, id="short-with-finite-verb"),
    pytest.param([("still", "RB"), ("committed", "VBN")], False, True, id="two-words-quoted-not-speech"),
    pytest.param([("terrorist", "JJ")], False, False, id="one-word-scare-quote"),
    pytest.param([("Operation", "NNP"), ("Iron", "NNP"), ("Lantern", "NNP")], False, False, id="operation-name"),
    pytest.param([("The", "DT"), ("Long", "NNP"), ("Road", "NNP"), ("to", "TO"), ("Halden", "NNP")], False, False,
                 id="title-case-book"),
]


@pytest.mark.parametrize(("words", "speech", "quoted"), SPEECH_CASES)
def test_speech_or_label(words: list[tuple[str, str]], speech: bool, quoted: bool) -> None:
    doc = _quoted(words)
    assert is_speech(doc[:]) is speech
    assert is_quoted_words(doc[:]) is quoted


# -- cues on hand-built parses ---------------------------------------------------------------------

# "Brek said the talks failed."
INDIRECT = [
    W("Brek", 1, "nsubj", "PROPN", "NNP"), W("said", 1, "ROOT", "VERB", "VBD", "say"),
    W("the", 3, "det", "DET", "DT"), W("talks", 4, "nsubj", "NOUN", "NNS", "talk"),
    W("failed", 1, "ccomp", "VERB", "VBD", "fail", space=False), W(".", 1, "punct", "PUNCT", "."),
]
# "“We will win,” Brek said."
DIRECT_AFTER = [
    W("“", 7, "punct", "PUNCT", "``", space=False), W("We", 3, "nsubj", "PRON", "PRP", "we"),
    W("will", 3, "aux", "AUX", "MD"), W("win", 7, "ccomp", "VERB", "VB", space=False),
    W(",", 7, "punct", "PUNCT", ",", space=False), W("”", 7, "punct", "PUNCT", "''"),
    W("Brek", 7, "nsubj", "PROPN", "NNP"), W("said", 7, "ROOT", "VERB", "VBD", "say", space=False),
    W(".", 7, "punct", "PUNCT", "."),
]
# "Under the said agreement, troops withdraw."
SAID_ADJECTIVE = [
    W("Under", 6, "prep", "ADP", "IN"), W("the", 3, "det", "DET", "DT"), W("said", 3, "amod", "VERB", "VBN", "say"),
    W("agreement", 0, "pobj", "NOUN", "NN", space=False), W(",", 6, "punct", "PUNCT", ","),
    W("troops", 6, "nsubj", "NOUN", "NNS", "troop"), W("withdraw", 6, "ROOT", "VERB", "VBP", space=False),
    W(".", 6, "punct", "PUNCT", "."),
]
# "Brek claimed the dam broke, adding that rain fell."
CLAIMED_ADDING = [
    W("Brek", 1, "nsubj", "PROPN", "NNP"), W("claimed", 1, "ROOT", "VERB", "VBD", "claim"),
    W("the", 3, "det", "DET", "DT"), W("dam", 4, "nsubj", "NOUN", "NN"),
    W("broke", 1, "ccomp", "VERB", "VBD", "break", space=False), W(",", 1, "punct", "PUNCT", ","),
    W("adding", 1, "advcl", "VERB", "VBG", "add"), W("that", 9, "mark", "SCONJ", "IN"),
    W("rain", 9, "nsubj", "NOUN", "NN"), W("fell", 6, "ccomp", "VERB", "VBD", "fall", space=False),
    W(".", 1, "punct", "PUNCT", "."),
]
# "Brek refused to say whether talks resume."
REFUSED_TO_SAY = [
    W("Brek", 1, "nsubj", "PROPN", "NNP"), W("refused", 1, "ROOT", "VERB", "VBD", "refuse"),
    W("to", 3, "aux", "PART", "TO"), W("say", 1, "xcomp", "VERB", "VB", "say"),
    W("whether", 6, "mark", "SCONJ", "IN"), W("talks", 6, "nsubj", "NOUN", "NNS", "talk"),
    W("resume", 3, "ccomp", "VERB", "VBP", space=False), W(".", 1, "punct", "PUNCT", "."),
]
# "Brek warned the alliance “should be careful.”" (the object is the quoted clause's subject)
WARNED_OBJECT = [
    W("Brek", 1, "nsubj", "PROPN", "NNP"), W("warned", 1, "ROOT", "VERB", "VBD", "warn"),
    W("the", 3, "det", "DET", "DT"), W("alliance", 1, "dobj", "NOUN", "NN"),
    W("“", 6, "punct", "PUNCT", "``", space=False), W("should", 6, "aux", "AUX", "MD"),
    W("be", 1, "ccomp", "AUX", "VB"), W("careful", 6, "acomp", "ADJ", "JJ", space=False),
    W(".", 1, "punct", "PUNCT", ".", space=False), W("”", 1, "punct", "PUNCT", "''"),
]
# "Brek did not say that talks failed."
NEGATED = [
    W("Brek", 3, "nsubj", "PROPN", "NNP"), W("did", 3, "aux", "AUX", "VBD", "do"), W("not", 3, "neg", "PART", "RB"),
    W("say", 3, "ROOT", "VERB", "VB", "say"), W("that", 6, "mark", "SCONJ", "IN"),
    W("talks", 6, "nsubj", "NOUN", "NNS", "talk"), W("failed", 3, "ccomp", "VERB", "VBD", "fail", space=False),
    W(".", 3, "punct", "PUNCT", "."),
]

RULE_CASES = [
    pytest.param(INDIRECT, [("Brek", "indirect", "the talks failed", "said")], id="ccomp-is-indirect"),
    pytest.param(DIRECT_AFTER, [("Brek", "direct", "We will win", "said")], id="quote-then-cue-is-direct"),
    pytest.param(SAID_ADJECTIVE, [], id="neg-the-said-agreement"),
    pytest.param(CLAIMED_ADDING, [("Brek", "indirect", "the dam broke", "claimed"),
                                  ("Brek", "indirect", "rain fell", "adding")], id="adding-is-a-second-quote"),
    pytest.param(REFUSED_TO_SAY, [], id="neg-refused-to-say"),
    pytest.param(NEGATED, [], id="neg-did-not-say"),
    pytest.param(WARNED_OBJECT, [("Brek", "mixed", "the alliance “should be careful.”", "warned")],
                 id="object-is-subject-of-quoted-clause"),
]


@pytest.mark.parametrize(("words", "expected"), RULE_CASES)
def test_rules_on_hand_built_docs(words: list[W], expected: list[tuple[str, str, str, str]]) -> None:
    doc = make_doc(words)
    quotes = extract_quotes(doc, entities=NO_ENTITIES)
    assert [(q.speaker, q.kind, q.text, q.cue) for q in quotes] == expected
    for quote in quotes:
        assert doc.text[quote.start : quote.end] == quote.text


def test_a_doc_without_a_parse_gives_no_quotes() -> None:
    doc = blank_english()("“We will win,” Brek said.")
    assert extract_quotes(doc, entities=NO_ENTITIES) == []
