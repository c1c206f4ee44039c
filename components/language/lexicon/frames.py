"""The frames of reported speech: what a reporting cue governs, as DependencyMatcher patterns.

Each frame names the cues it applies to (a word list of :mod:`components.language.lexicon.quotes`),
a dependency pattern anchored on the cue (spaCy ``DependencyMatcher`` format: ``RIGHT_ID``,
``RIGHT_ATTRS``, ``LEFT_ID``, ``REL_OP``), and how its content is built from the matched nodes:

- ``subtree:NODE``: the subtree of a node;
- ``head-minus-cue``: the subtree of the cue's head without the cue's own subtree (a cue set off
  inside the clause it reports: "The harbour, she said, would reopen");
- ``range:A..B``: the tokens from the left edge of A to the right edge of B ("accused the Union of
  laying the mine", "described the attack as a war crime");
- ``object-statement``: the object with what follows it, when it states something (a number or a
  few words: "announced $4 million in aid");
- ``object-judged``: the object of a judging verb, and its "for ..." or "as ..." ("condemned the
  strike as a war crime");
- ``unmarked-clause``: the subtree of a finite clause the parser hung on the cue as an adverbial
  although nothing ("if", "when", "as") makes it one: "said after the talks he would not sign";
  not "said goodbye, her voice breaking" (no finite verb) nor "said so when he left" (marked).

:mod:`components.language.statements` applies the first frame, in this order, that matches a cue.
A frame with ``needs_subject`` applies only to a cue that has a subject of its own; one with
``no_object`` only to a cue without a direct object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from components.language.lexicon.quotes import (
    ACCUSATION_PREPS,
    BELIEF_VERBS,
    CALL_FOR_VERBS,
    CLAIM_NOUNS,
    CLAIM_ONLY_VERBS,
    CONTENT_DEPS,
    DESCRIBE_VERBS,
    DIRECTIVE_VERBS,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    JUDGING_VERBS,
    MEDIUM_CLAUSE_DEPS,
    MEDIUM_NOUNS,
    NAMING_VERBS,
    NP_STATEMENT_VERBS,
    PARENTHETICAL_DEPS,
    PLEDGE_VERBS,
    REPORTING_VERBS,
)

Pattern = list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Frame:
    """One way a cue reports content; see the module docstring."""

    name: str
    cues: frozenset[str]  # lemmas the cue may have
    patterns: tuple[Pattern, ...]  # alternatives, each anchored on "cue", all naming the same nodes in one order
    content: str
    needs_subject: bool = False
    no_object: bool = False  # applies only to a cue with no direct object ("offered divers to help" is no pledge)


def _cue(lemmas: frozenset[str], **attrs: Any) -> dict[str, Any]:
    return {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(lemmas)}, **attrs}}


def _child(parent: str, node: str, **attrs: Any) -> dict[str, Any]:
    return {"LEFT_ID": parent, "REL_OP": ">", "RIGHT_ID": node, "RIGHT_ATTRS": attrs}


def _after(sibling: str, node: str, **attrs: Any) -> dict[str, Any]:
    """A node that is a later sibling of another (same head, to its right)."""
    return {"LEFT_ID": sibling, "REL_OP": "$++", "RIGHT_ID": node, "RIGHT_ATTRS": attrs}


_SPEAKING = REPORTING_VERBS | CLAIM_ONLY_VERBS
_CLAUSE_CUES = REPORTING_VERBS | BELIEF_VERBS | FINDING_VERBS
_ACCUSING = frozenset(ACCUSATION_PREPS)
_ACCUSATION_PREPS = sorted({p for preps in ACCUSATION_PREPS.values() for p in preps})

FRAMES: tuple[Frame, ...] = (
    # "said (that) ...": the clause the cue governs
    Frame("clause", _CLAUSE_CUES,
          ([_cue(_CLAUSE_CUES), _child("cue", "content", DEP={"IN": sorted(CONTENT_DEPS)})],), "subtree:content"),
    # "said after the talks he would not sign": a reported clause the parser took for an adverbial
    Frame("unmarked-clause", REPORTING_VERBS, ([
        _cue(REPORTING_VERBS), _child("cue", "content", DEP="advcl"),
        _child("content", "subject", DEP={"IN": ["nsubj", "nsubjpass"]}),
    ],), "unmarked-clause"),
    # "said in a statement that ...": the clause of the medium
    Frame("medium-clause", REPORTING_VERBS, ([
        _cue(REPORTING_VERBS), _child("cue", "prep", DEP="prep"),
        _child("prep", "medium", DEP="pobj", LEMMA={"IN": sorted(MEDIUM_NOUNS)}),
        _child("medium", "content", DEP={"IN": sorted(MEDIUM_CLAUSE_DEPS)}), _child("content", "that", LOWER="that"),
    ],), "subtree:content"),
    # "..., officials say, ...", "The harbour, she said, would reopen": the clause around the cue
    Frame("parenthetical", REPORTING_VERBS, ([
        _cue(REPORTING_VERBS, DEP={"IN": sorted(PARENTHETICAL_DEPS)}),
        {"LEFT_ID": "cue", "REL_OP": "<", "RIGHT_ID": "head", "RIGHT_ATTRS": {}},
    ],), "head-minus-cue", needs_subject=True),
    # "warned residents not to return": the infinitive of the order
    Frame("directive", DIRECTIVE_VERBS, ([
        _cue(DIRECTIVE_VERBS), _child("cue", "object", DEP="dobj"), _after("object", "content", DEP="xcomp"),
    ],), "subtree:content"),
    # "repeated his claim that ...", "expressed fears that the toll could rise": the claim
    Frame("claim-object", _SPEAKING, ([
        _cue(_SPEAKING), _child("cue", "content", DEP="dobj", LEMMA={"IN": sorted(CLAIM_NOUNS)}),
        _child("content", "clause", DEP={"IN": sorted(MEDIUM_CLAUSE_DEPS)}),
        _child("clause", "that", LOWER="that", DEP="mark"),
    ],), "subtree:content"),
    # "accused the Union of laying the mine", "blamed the storm for the collapse"
    Frame("accusation", _ACCUSING, (
        [_cue(_ACCUSING), _child("cue", "object", DEP="dobj"),
         _after("object", "prep", DEP="prep", LOWER={"IN": _ACCUSATION_PREPS})],
        [_cue(_ACCUSING), _child("cue", "object", DEP="dobj"),
         _child("object", "prep", DEP="prep", LOWER={"IN": _ACCUSATION_PREPS})],
    ), "range:object..prep"),
    # "described the attack as a war crime", "branded the vote a farce"
    Frame("describe-as", DESCRIBE_VERBS, (
        [_cue(DESCRIBE_VERBS), _child("cue", "object", DEP="dobj"), _child("cue", "prep", DEP="prep", LOWER="as")],
        [_cue(DESCRIBE_VERBS), _child("cue", "object", DEP="dobj"), _child("object", "prep", DEP="prep", LOWER="as")],
    ), "range:object..prep"),
    # "vowed to retaliate", "pledged to rebuild the port": the act committed to
    Frame("pledge", PLEDGE_VERBS, ([_cue(PLEDGE_VERBS, DEP={"NOT_IN": ["relcl", "acl"]}),
                                    _child("cue", "content", DEP="xcomp")],), "subtree:content", needs_subject=True,
          no_object=True),
    # "called the vote a farce": the object and what it is called
    Frame("call-it", NAMING_VERBS, ([
        _cue(NAMING_VERBS), _child("cue", "object", DEP="dobj"),
        _after("object", "prep", DEP={"IN": ["oprd", "xcomp", "attr", "ccomp"]}),
    ],), "range:object..prep"),
    # "condemned the strike", "criticized the plan as reckless": what is judged
    Frame("judgement", JUDGING_VERBS, ([_cue(JUDGING_VERBS), _child("cue", "content", DEP="dobj")],),
          "object-judged", needs_subject=True),
    # "called for a ceasefire", "appealed for calm": what is called for
    Frame("call-for", CALL_FOR_VERBS, ([
        _cue(CALL_FOR_VERBS), _child("cue", "prep", DEP="prep", LOWER="for"), _child("prep", "content", DEP="pobj"),
    ],), "subtree:content", needs_subject=True),
    # "polls show a close race", "a 2019 study found 31 cases of fraud": what a document finds (a
    # person or a body that "found 12 bodies" reports nothing)
    Frame("finding-object", FINDING_VERBS, ([
        _cue(FINDING_VERBS), _child("cue", "subject", DEP="nsubj", LEMMA={"IN": sorted(DOCUMENT_NOUNS)}),
        _child("cue", "content", DEP="dobj"),
    ],), "object-statement"),
    # "announced $4 million in aid", "confirmed the deaths of 12 soldiers"
    # (not a participle that sorts a noun: "taxpayers reporting capital gains")
    Frame("np-statement", NP_STATEMENT_VERBS, ([_cue(NP_STATEMENT_VERBS, DEP={"NOT_IN": ["acl"]}),
                                                _child("cue", "content", DEP="dobj")],), "object-statement"),
)


def node_names(frame: Frame) -> list[str]:
    """The names of a frame's nodes, in the order a match gives their tokens."""
    return [step["RIGHT_ID"] for step in frame.patterns[0]]


for _frame in FRAMES:  # one node order for every alternative, so a match reads the same whichever matched
    assert all([s["RIGHT_ID"] for s in p] == node_names(_frame) for p in _frame.patterns), _frame.name
