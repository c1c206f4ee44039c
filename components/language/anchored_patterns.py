"""Apply spaCy ``DependencyMatcher`` patterns that are anchored on one word, walking the parse from it.

The frames of reported speech (:mod:`components.language.lexicon.frames`) are written in spaCy's
``DependencyMatcher`` format. spaCy's matcher first runs a token matcher for every node of every
pattern over the whole Doc, which made it the largest cost of the extraction (about 10 ms per
700-word article, a third of all extraction time). Every frame pattern starts at its cue and only
steps to a child, the head or a later sibling, so a pattern is matched here by trying each token
the first node accepts and following the relations from it: the work is a few checks per cue.

Supported, and checked when a pattern is compiled: the relations ``>`` (a child), ``<`` (the
head), ``$++`` (a later sibling) and ``$+`` (the next sibling); attributes ``ORTH``, ``LOWER``,
``LEMMA``, ``POS``, ``TAG`` and ``DEP`` with a string, ``{"IN": [...]}`` or ``{"NOT_IN": [...]}``.
``tests/language/test_anchored_patterns.py`` holds it to spaCy's own matcher on real text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

_ATTRS: dict[str, Callable[[Token], str]] = {
    "ORTH": lambda t: t.text,
    "LOWER": lambda t: t.lower_,
    "LEMMA": lambda t: t.lemma_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
}


def _children(token: Token) -> Iterator[Token]:
    return iter(token.children)


def _head(token: Token) -> Iterator[Token]:
    if token.head.i != token.i:
        yield token.head


def _later_siblings(token: Token) -> Iterator[Token]:
    if token.head.i != token.i:
        yield from (t for t in token.head.children if t.i > token.i)


def _next_sibling(token: Token) -> Iterator[Token]:
    if token.head.i != token.i:
        yield from [t for t in token.head.children if t.i > token.i][:1]


_RELATIONS: dict[str, Callable[[Token], Iterator[Token]]] = {
    ">": _children, "<": _head, "$++": _later_siblings, "$+": _next_sibling,
}


class PatternError(ValueError):
    """A pattern this applier does not support (see the module docstring)."""


@dataclass(frozen=True, slots=True)
class _Test:
    attr: Callable[[Token], str]
    values: frozenset[str] | None  # the value must be one of these (None: any)
    excluded: frozenset[str]  # ... and none of these


def _tests(attrs: Mapping[str, Any]) -> tuple[_Test, ...]:
    tests: list[_Test] = []
    for name, spec in attrs.items():
        if name not in _ATTRS:
            raise PatternError(f"attribute {name!r} is not supported")
        if isinstance(spec, str):
            tests.append(_Test(_ATTRS[name], frozenset({spec}), frozenset()))
        elif isinstance(spec, Mapping) and set(spec) <= {"IN", "NOT_IN"}:
            values = frozenset(spec["IN"]) if "IN" in spec else None
            tests.append(_Test(_ATTRS[name], values, frozenset(spec.get("NOT_IN", ()))))
        else:
            raise PatternError(f"value {spec!r} of {name!r} is not supported")
    return tuple(tests)


def _accepts(tests: Sequence[_Test], token: Token) -> bool:
    for test in tests:
        value = test.attr(token)
        if (test.values is not None and value not in test.values) or value in test.excluded:
            return False
    return True


@dataclass(frozen=True, slots=True)
class _Step:
    parent: int  # index of the earlier node the relation starts from
    relation: Callable[[Token], Iterator[Token]]
    tests: tuple[_Test, ...]


@dataclass(frozen=True, slots=True)
class AnchoredPattern:
    """One compiled pattern: the anchor's tests, then one step per further node."""

    anchor: tuple[_Test, ...]
    steps: tuple[_Step, ...]
    anchor_lemmas: frozenset[str] | None  # the anchor's lemma must be one of these (None: any)

    @classmethod
    def compile(cls, pattern: Sequence[Mapping[str, Any]]) -> AnchoredPattern:
        """Compile a ``DependencyMatcher`` pattern whose first node is the anchor.

        Raises:
            PatternError: an unsupported relation or attribute, or a step from an unknown node.
        """
        if not pattern or "LEFT_ID" in pattern[0]:
            raise PatternError("the first node must be the anchor (no LEFT_ID)")
        ids = [pattern[0]["RIGHT_ID"]]
        steps: list[_Step] = []
        for node in pattern[1:]:
            if node.get("LEFT_ID") not in ids:
                raise PatternError(f"node {node.get('RIGHT_ID')!r} steps from an unknown node")
            if node.get("REL_OP") not in _RELATIONS:
                raise PatternError(f"relation {node.get('REL_OP')!r} is not supported")
            steps.append(_Step(ids.index(node["LEFT_ID"]), _RELATIONS[node["REL_OP"]], _tests(node["RIGHT_ATTRS"])))
            ids.append(node["RIGHT_ID"])
        lemma = pattern[0]["RIGHT_ATTRS"].get("LEMMA")
        lemmas = frozenset({lemma}) if isinstance(lemma, str) else (
            frozenset(lemma["IN"]) if isinstance(lemma, Mapping) and "IN" in lemma else None)
        return cls(_tests(pattern[0]["RIGHT_ATTRS"]), tuple(steps), lemmas)

    def accepts_anchor(self, token: Token) -> bool:
        return _accepts(self.anchor, token)

    def matches_at(self, anchor: Token) -> Iterator[list[int]]:
        """Every assignment of distinct tokens to the nodes with ``anchor`` as the first (token indices)."""
        if _accepts(self.anchor, anchor):
            yield from self._extend([anchor])

    def _extend(self, chosen: list[Token]) -> Iterator[list[int]]:
        if len(chosen) == len(self.steps) + 1:
            yield [t.i for t in chosen]
            return
        step = self.steps[len(chosen) - 1]
        taken = {t.i for t in chosen}
        for token in step.relation(chosen[step.parent]):
            if token.i not in taken and _accepts(step.tests, token):
                yield from self._extend([*chosen, token])


class AnchoredMatcher:
    """Named patterns, indexed by the lemmas their anchors accept (a token with none is skipped at once)."""

    def __init__(self, patterns: Sequence[tuple[str, Sequence[Mapping[str, Any]]]]) -> None:
        compiled = [(name, AnchoredPattern.compile(p)) for name, p in patterns]
        self._by_lemma: dict[str, list[tuple[str, AnchoredPattern]]] = {}
        self._any: list[tuple[str, AnchoredPattern]] = []
        for name, pattern in compiled:
            if pattern.anchor_lemmas is None:
                self._any.append((name, pattern))
            for lemma in pattern.anchor_lemmas or ():
                self._by_lemma.setdefault(lemma, []).append((name, pattern))

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        """(name, token indices) of every match in ``doc``, by the anchor's position, then pattern order."""
        found: list[tuple[str, list[int]]] = []
        for token in doc:
            candidates = self._by_lemma.get(token.lemma_, ())
            for name, pattern in (*candidates, *self._any) if self._any else candidates:
                found += [(name, ids) for ids in pattern.matches_at(token)]
        return found
