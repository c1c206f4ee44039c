"""Finding statements: reporting cues and the content each one reports.

Reporting verbs from :mod:`components.language.lexicon.quotes` are found by a ``Matcher``, and
"according to". Each cue gets its speaker from the parse (``nsubj``; for "adding ..." and
"saying ..." the subject of the governing cue) and its content from one of these frames:
a quotation beside it (``"...," X said`` / ``X said, "..."`` / both: a split quote), the
clause it governs (``ccomp``: indirect, or mixed when that clause holds quoted words or is
reported with "that"), the infinitive of an order ("warned residents not to return"), a
statement-like object ("announced $4 million in aid"), the clause it is set off inside
("..., officials say, ..."), or the clause an "according to X" phrase hangs from. Quoted
speech governed by another verb ("called it "a betrayal of ..."") is its subject's, mixed.
A quotation with no cue that stands as a sentence of its own inherits the last speaker.

The result is a list of :class:`Candidate` statements whose speakers are still phrases (a head
token); :mod:`components.language.attribution` names them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from components.language.anchored_patterns import AnchoredMatcher
from components.language.entities import is_personal_title
from components.language.lexicon import datelines as dateline_lex
from components.language.lexicon import figures as figure_lex
from components.language.lexicon import quotes as lex
from components.language.lexicon.frames import FRAMES, Frame, node_names
from components.language.quote_marks import ALL_MARKS, QuotedDoc

QuoteKind = Literal["direct", "indirect", "mixed"]


_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}
# verbs that are cues only inside their frames (a claim, an accusation, "described as", "called for")
_CLAUSE_CUES = lex.REPORTING_VERBS | lex.BELIEF_VERBS
_FRAME_ONLY_CLAIMS = (
    lex.CLAIM_ONLY_VERBS | lex.DESCRIBE_VERBS | lex.CALL_FOR_VERBS | lex.JUDGING_VERBS | lex.PLEDGE_VERBS
    | lex.NAMING_VERBS
) - lex.REPORTING_VERBS
_MATCHER_CACHE_SIZE = 4  # one model in the app; tests build a few blank vocabularies
_VERBAL = ["VERB", "AUX"]


def _per_vocab(cache: dict[int, tuple[Vocab, Matcher]], vocab: Vocab, build: Callable[[Vocab], Matcher]) -> Matcher:
    """A matcher built once per vocabulary (the cache holds the vocab, so its id stays its own)."""
    cached = cache.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    while len(cache) >= _MATCHER_CACHE_SIZE:
        cache.pop(next(iter(cache)))
    matcher = build(vocab)
    cache[id(vocab)] = (vocab, matcher)
    return matcher


def _matcher(vocab: Vocab) -> Matcher:
    """The cue matcher for a vocabulary, built once."""
    return _per_vocab(_MATCHERS, vocab, _build_cue_matcher)


def _build_cue_matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    not_clause = {"NOT_IN": sorted(lex.NON_CLAUSE_DEPS)}
    matcher.add("CUE", [[{"LEMMA": {"IN": sorted(lex.REPORTING_VERBS)}, "POS": {"IN": _VERBAL}, "DEP": not_clause}]])
    matcher.add("FRAME_CUE", [[{"LEMMA": {"IN": sorted(lex.FRAME_ONLY_VERBS)}, "POS": {"IN": _VERBAL},
                                "DEP": not_clause}]])
    matcher.add("CLAIM_CUE", [[{"LEMMA": {"IN": sorted(_FRAME_ONLY_CLAIMS)}, "POS": {"IN": _VERBAL},
                                "DEP": not_clause}]])
    beliefs = sorted((lex.BELIEF_VERBS | lex.FINDING_VERBS) - lex.REPORTING_VERBS)
    matcher.add("BELIEF_CUE", [[{"LEMMA": {"IN": beliefs}, "POS": {"IN": _VERBAL}, "DEP": not_clause}]])
    matcher.add("SOURCE", [[{"LOWER": word} for word in phrase] for phrase in lex.SOURCE_PHRASES])
    matcher.add("LABEL", lex.SPEAKER_LABEL_PATTERNS, greedy="LONGEST")
    return matcher


@dataclass(slots=True)
class Candidate:
    """A statement found but not yet given a speaker name."""

    cue: Token | None
    cue_text: str
    speaker: Token | None  # head of the speaker phrase (None: inherit the last speaker)
    kind: QuoteKind
    ranges: list[tuple[int, int]]  # character ranges of the content
    spans: tuple[int, ...]  # quotation spans used
    needs_name: bool = False
    needs_person: bool = False  # kept only when the speaker is a person the article names
    position: int = 0  # character offset that orders candidates
    para: int = 0


def _subtree_range(token: Token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


def subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in lex.SUBJECT_DEPS and c.pos_ in lex.SUBJECT_POS]
    if len(subjects) > 1:  # "« Nous resterons », said X", ""... Full panic mode," said X": the quotation is no subject
        subjects.sort(key=lambda c: any(t.text in ALL_MARKS for t in c.subtree) or (
            c.i < verb.i and any(t.text in ALL_MARKS for t in verb.doc[c.right_edge.i + 1 : verb.i])
        ))
    if subjects:
        return _adjacent_apposition(subjects[0], verb)
    if verb.lemma_.lower() in lex.PASSIVE_SPEAKER_VERBS:
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return None


def _adjacent_apposition(subject: Token, verb: Token) -> Token:
    """"To understand X, Chief Justice Roberts said, ...": the parse made the name right before the
    cue an apposition of an earlier noun; with a comma between them and none before the cue, the
    name is the subject ("the mayor, Ilse Varga, said" keeps the mayor)."""
    if subject.i > verb.i:
        return subject
    for child in subject.children:
        if child.dep_ == "appos" and child.right_edge.i == verb.i - 1 and verb.doc[child.left_edge.i - 1].text == ",":
            return child
    return subject


def _is_cue(token: Token) -> bool:
    return token.lemma_.lower() in lex.REPORTING_VERBS and token.pos_ in _VERBAL


def _speaker_head(verb: Token) -> Token | None:
    """The head of the speaker phrase of a cue.

    A cue without a subject ("..., adding ...", "beyond saying ...") takes the subject of the
    nearest governing cue, else of the nearest governing verb; failing that, a subject or a
    name just before it that the parser attached elsewhere ("X, 71, said").
    """
    own = subject_of(verb)
    if own is not None:
        return own
    fallback: Token | None = None
    node = verb
    while node.head.i != node.i:
        node = node.head
        if node.pos_ not in _VERBAL:
            continue
        subject = subject_of(node)
        if subject is None:
            continue
        if _is_cue(node):
            return subject
        if fallback is None:
            fallback = subject
    return fallback or _stranded_subject(verb)


def _stranded_subject(verb: Token) -> Token | None:
    """A speaker the parser hung elsewhere: "X, visiting the city, said" or "X, 71, said"."""
    lefts = [t for t in verb.subtree if t.i < verb.i]
    subjects = [t for t in lefts if t.dep_ in lex.SUBJECT_DEPS and t.pos_ in lex.SUBJECT_POS]
    if subjects and subjects[-1].head.i < verb.i and subjects[-1].head.dep_ in {"advcl", "acl"}:
        return subjects[-1]
    i = verb.i - 1
    sent_start = verb.sent.start
    while i >= sent_start:
        tok = verb.doc[i]
        if tok.ent_type_ in lex.SPEAKER_ENTITY_LABELS and tok.pos_ == "PROPN":
            return tok
        if not (tok.is_punct or tok.like_num or tok.is_space or tok.dep_ == "appos"):
            return None
        i -= 1
    return None


def _absolute(clause: Token, cue: Token) -> bool:
    """An absolute phrase set off after the cue, no reported clause: "the minister said, her voice
    trembling" (a participle with no auxiliary, after a comma)."""
    if clause.i < cue.i or clause.tag_ not in ("VBG", "VBN"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False
    return any(t.text == "," for t in clause.doc[cue.i + 1 : clause.left_edge.i])


def _names_nobody(subject: Token) -> bool:
    """"no one", "nobody", "none of the officials", "no official": a subject that is nobody."""
    return subject.lower_ in lex.NOBODY_WORDS or any(
        c.dep_ == "det" and c.lower_ in lex.NOBODY_DETERMINERS for c in subject.children
    )


def _asserts(verb: Token) -> bool:
    """False for a cue that reports nothing: negated, said by nobody, "refused to say", or "Asked whether ..."."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    subject = subject_of(verb)
    if subject is not None and _names_nobody(subject):
        return False
    if verb.tag_ == "VBN" and verb.dep_ in lex.PARTICIPLE_DEPS and not any(c.dep_ == "aux" for c in verb.children):
        return False  # a passive participle: the question put to someone, not their answer
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.NON_ASSERTIVE_GOVERNORS)


class Finder:
    """Finds the candidates of one article."""

    def __init__(self, art: QuotedDoc) -> None:
        self.art = art
        self.doc = art.doc
        self.frames = frame_matches(art.doc)  # cue index -> [(frame, its nodes)], in frame order
        self.used: set[int] = set()  # quotation spans already attributed
        self.own_record: set[int] = set()  # subjectless cues that carry their own statement
        self.clause_cues: set[int] = set()  # cues that govern a clause of their own

    # frames --------------------------------------------------------------------------------------
    def _after_frame(self, cue: Token, subject: Token | None) -> int | None:
        """A quotation that closes right before the cue's clause: ``"...," X said``."""
        allowed = set(_subtree_range(subject)) if subject is not None and subject.i < cue.i else set()
        i = cue.i - 1
        while i >= 0:
            tok = self.doc[i]
            if i in self.art.close_at:
                span = self.art.spans[self.art.close_at[i]]
                # news style closes a quotation before its cue with a comma, "?" or "!", not "."
                ends = self.art.text[span.span.start:span.span.end].rstrip()[-1:]
                ok = span.index not in self.used and ends != "." and (span.speech or self.art.opens_clause(span))
                return span.index if ok else None
            if "\n" in tok.text or "\n" in tok.whitespace_:
                return None
            skippable = (
                tok.is_space
                or (tok.is_punct and tok.text in lex.FRAME_PUNCT)
                or i in allowed
                or (tok.head.i == cue.i and tok.dep_ in {"advmod", "aux", "neg", "npadvmod"})
                or is_personal_title(tok) or (tok.text == "." and i > 0 and is_personal_title(self.doc[i - 1]))
            )  # a title the parser split off the name ("Capt. Mira Haldane") belongs to the speaker
            if not skippable:
                return None
            i -= 1
        return None

    def _before_frame(self, cue: Token, subject: Token | None) -> int | None:
        """A quotation that opens right after the cue: ``X said, "..."``, ``told reporters: "..."``."""
        own = set(_subtree_range(cue))
        if subject is not None and subject.i < cue.i:
            own -= set(_subtree_range(subject))
        last: Token = cue
        for tok in self.doc[cue.i + 1:]:
            if tok.i in self.art.open_at:
                span = self.art.spans[self.art.open_at[tok.i]]
                if span.index in self.used:
                    return None
                if last.i == cue.i and span.speech:
                    return span.index
                return span.index if last.text in lex.FRAME_PUNCT else None
            if tok.is_space:
                continue
            if tok.is_punct and tok.text in lex.FRAME_PUNCT:
                last = tok
                continue
            inverted = subject is not None and subject.i > cue.i and tok.i in _subtree_range(subject)
            if inverted or (tok.i in own and tok.pos_ not in _VERBAL and tok.dep_ not in lex.CONTENT_DEPS):
                last = tok
                continue
            return None
        return None

    # clauses -------------------------------------------------------------------------------------
    def _clause(self, cue: Token) -> set[int]:
        """Token indices of what a cue reports, by the first frame of :data:`lexicon.frames.FRAMES`
        that matches it (empty when none does)."""
        matches = self.frames.get(cue.i, [])
        for frame, nodes in matches:
            if frame.name == "clause":  # every clause the cue governs, but one it is cut off from
                clauses = [n["content"] for f, n in matches if f.name == "clause"]
                kept = [c for c in clauses if not self._cut_off(c, cue)] or clauses
                return set().union(*(self._content(frame, cue, {"content": c}) for c in kept))
            tokens = self._content(frame, cue, nodes)
            if tokens:
                return tokens
        return set()

    def _cut_off(self, clause: Token, cue: Token) -> bool:
        """A clause before its cue that a semicolon parts from it, or that has its own "according to X":
        "A, according to the committee; Valdora says B" is not Valdora's A."""
        if clause.i > cue.i:
            return False
        doc = self.doc
        between = doc[clause.right_edge.i + 1 : cue.left_edge.i]
        own_source = any(t.lower_ == "according" for t in doc[clause.left_edge.i : clause.right_edge.i + 1])
        return own_source or any(t.text == ";" for t in between)

    def _content(self, frame: Frame, cue: Token, nodes: dict[str, Token]) -> set[int]:
        """The tokens a matched frame reports (see :mod:`components.language.lexicon.frames`)."""
        doc = self.doc
        if frame.needs_subject and subject_of(cue) is None:
            return set()
        if frame.no_object and any(c.dep_ == "dobj" for c in cue.children):
            return set()
        if frame.content == "head-minus-cue":
            head = nodes["head"]
            if head.left_edge.i >= cue.left_edge.i:
                return set()  # the cue opens its head's clause, it does not sit inside it: not set off
            tokens = set(_subtree_range(head)) - set(_subtree_range(cue))
            for other in self.clause_cues & tokens:  # nested subtrees: the order does not matter
                if other != cue.i:
                    tokens -= set(_subtree_range(doc[other]))
            return tokens
        if frame.content.startswith("range:"):
            first, last = frame.content[len("range:"):].split("..")
            end = nodes[last]
            if end.pos_ == "ADP" and not any(c.dep_ in ("pcomp", "pobj") for c in end.children):
                return set()  # "accused the Union of": of what?
            return set(range(nodes[first].left_edge.i, end.right_edge.i + 1))
        if frame.content == "object-judged":
            obj = nodes["content"]
            tokens = set(_subtree_range(obj))
            for prep in [*cue.rights, *obj.rights]:  # "condemned the strike as a war crime", "... for the delay"
                if prep.i > obj.i and prep.dep_ == "prep" and prep.lower_ in lex.JUDGING_PREPS:
                    tokens |= set(range(obj.left_edge.i, prep.right_edge.i + 1))
            return tokens
        if frame.content == "unmarked-clause":
            content = nodes["content"]
            finite = content.tag_ in lex.FINITE_TAGS or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in lex.FINITE_TAGS for c in content.children
            )
            marked = any(c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP") for c in content.children)
            has_object = any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.children)
            if content.i < cue.i or marked or has_object or not finite:
                return set()
            return set(_subtree_range(content))
        if frame.content == "object-statement":
            obj = nodes["content"]
            words = [w for w in obj.subtree if not w.is_punct]
            if len(words) < lex.MIN_NP_STATEMENT_WORDS and not any(w.like_num for w in words):
                return set()
            tokens = set(_subtree_range(obj))
            for sib in cue.rights:
                if sib.i > obj.i and sib.dep_ in {"prep", "npadvmod", "advmod"}:
                    tokens.update(_subtree_range(sib))
            return tokens
        content = nodes["content"]
        if frame.name == "clause" and _absolute(content, cue):
            return set()
        tokens = set(_subtree_range(content))
        if frame.name in ("clause", "medium-clause"):
            tokens |= self._clause_extras(cue, content)
        return tokens

    def _clause_extras(self, cue: Token, comp: Token) -> set[int]:
        """What belongs to a reported clause beyond its subtree: the second of "said that A and that B",
        and the object that is the clause's subject ("warned the alliance "should be aware ..."")."""
        doc = self.doc
        tokens: set[int] = set()
        for conj in cue.children:
            that = doc[conj.left_edge.i].lower_ == "that"
            if conj.dep_ == "conj" and conj.pos_ in _VERBAL and that and conj.i > comp.i:
                tokens.update(range(comp.right_edge.i + 1, conj.right_edge.i + 1))
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in comp.children)
        first = doc[comp.left_edge.i]
        while first.is_punct and first.i < comp.i:
            first = doc[first.i + 1]
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < comp.i), None)
        if (
            not has_subject and obj is not None and first.tag_ in lex.FINITE_TAGS
            and all(w.text in ALL_MARKS for w in doc[obj.right_edge.i + 1:comp.left_edge.i])
        ):
            tokens.update(_subtree_range(obj))
        return tokens

    def _has_that(self, cue: Token) -> bool:
        """The cue reports with "that" before its clause ("warned that ...")."""
        for comp in cue.children:
            if comp.dep_ in lex.CONTENT_DEPS:
                first = self.doc[comp.left_edge.i]
                return first.lower_ == "that" and first.dep_ == "mark" and self.art.span_of_token[first.i] < 0
        return False

    def _with_trailing_quote(self, tokens: set[int]) -> set[int]:
        """A clause and the quotation that ends its sentence after a comma: 'X said A, "because B."'."""
        if not tokens:
            return tokens
        last = max(tokens)
        nxt = last + 1
        while nxt < len(self.doc) and self.doc[nxt].text == ",":
            nxt += 1
        span_i = self.art.open_at.get(nxt)
        if span_i is None or span_i in self.used:
            return tokens
        span = self.art.spans[span_i]
        if not span.quoted or not self.art.closes_sentence(span) or span.close_tok is None:
            return tokens
        return tokens | set(range(last + 1, span.close_tok + 1))

    def _left_clause(self, cue: Token, subject: Token) -> set[int]:
        """The clause before "..., the administration said" when the parser did not link them.

        Only for a cue with no object that ends its clause: "Following the strike, Moscow has
        vowed a response" reports nothing.
        """
        doc = self.doc
        edge = subject.left_edge.i
        if subject.i > cue.i or edge == 0 or doc[edge - 1].text != ",":
            return set()
        if any(c.dep_ in {"dobj", "xcomp", "ccomp"} for c in cue.children):
            return set()
        start = cue.sent.start
        # a lead-in the dateline step did not part (no capitals, not at a paragraph start)
        dashes = dateline_lex.DATELINE_DASHES
        dash = next((t.i for t in doc[start:edge] if t.text in dashes and t.i - start <= 12), None)
        if dash is not None and not any(t.tag_ in lex.FINITE_TAGS for t in doc[start:dash]):
            start = dash + 1
        tokens = set(range(start, edge - 1))
        if not tokens or doc[start].pos_ in {"ADP", "SCONJ"}:  # a fronted adverbial, not a clause
            return set()
        if not any(doc[i].tag_ in lex.FINITE_TAGS for i in tokens) or any(self.art.in_speech(i) for i in tokens):
            return set()
        return tokens

    def _content_ranges(self, tokens: set[int], *, exclude_nested: bool = True) -> list[range]:
        doc = self.doc
        drop: set[int] = set()
        if exclude_nested:
            for i in tokens:
                tok = doc[i]
                nested_cue = i in self.own_record
                source = tok.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to"
                if nested_cue or source:
                    sub = _subtree_range(tok)
                    drop.update(sub)
                    if sub.start > 0 and doc[sub.start - 1].is_punct:
                        drop.add(sub.start - 1)
        keep = sorted(tokens - drop)
        ranges: list[range] = []
        for i in keep:
            if ranges and ranges[-1].stop == i:
                ranges[-1] = range(ranges[-1].start, i + 1)
            else:
                ranges.append(range(i, i + 1))
        trimmed: list[range] = []
        for r in ranges:
            a, b = r.start, r.stop
            while a < b and (doc[a].is_space or (doc[a].is_punct and self.art.span_of_token[a] < 0)
                             or (doc[a].dep_ == "mark" and doc[a].lower_ == "that")):
                a += 1
            while a < b and (doc[b - 1].is_space or (doc[b - 1].is_punct and self.art.span_of_token[b - 1] < 0)):
                b -= 1
            if a < b:
                trimmed.append(range(a, b))
        return trimmed

    def _classify(
        self, ranges: Sequence[range], *, that_clause: bool = False
    ) -> tuple[QuoteKind, tuple[int, ...], list[tuple[int, int]]]:
        """Kind, spans used and character ranges of a clause's content (marks the spans used).

        A clause all in quotation marks is direct, unless reported with "that" ("warned that
        "..."" is mixed); a clause holding quoted words is mixed; else indirect.
        """
        doc, art = self.doc, self.art
        words = [i for r in ranges for i in r if not (doc[i].is_punct or doc[i].is_space)]
        touched = sorted({art.span_of_token[i] for i in words if art.span_of_token[i] >= 0})
        self.used.update(touched)
        if words and touched and all(art.span_of_token[i] >= 0 for i in words):
            chain = sorted({j for s in touched for j in art.spans[s].chain})
            if not that_clause and not any(j in self.used and j not in touched for j in chain):
                self.used.update(chain)
                return "direct", tuple(chain), self._span_ranges(chain)
        speech = [s for s in touched if art.spans[s].quoted]
        chars: list[tuple[int, int]] = []
        for r in ranges:
            a, b = r.start, r.stop
            for s in touched:  # keep quotation marks balanced: take whole quoted pieces
                span = art.spans[s]
                end_tok = span.close_tok if span.close_tok is not None else span.last - 1
                if a <= end_tok and b > span.open_tok:
                    a, b = min(a, span.open_tok), max(b, end_tok + 1)
            chars.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
        kind: QuoteKind = "mixed" if speech else "indirect"
        return kind, tuple(speech), chars

    def _span_ranges(self, indices: Iterable[int]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for i in indices:
            span = self.art.spans[i].span
            end = span.end
            while end > span.start and self.art.text[end - 1] in ",;:\u2014\u2013- ":
                end -= 1
            if end > span.start:
                out.append((span.start, end))
        return out

    # candidates ------------------------------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        doc, art = self.doc, self.art
        cues: list[tuple[Token, str]] = []
        sources: list[tuple[Token, int]] = []
        labels: list[Token] = []
        for match_id, start, end in _matcher(doc.vocab)(doc):
            label = doc.vocab.strings[match_id]
            tok = doc[start]
            if art.in_speech(tok.i):
                continue
            if label == "LABEL":
                if art.para_of(tok.idx) != art.para_of(tok.idx - 1) or tok.i == 0:  # opens a paragraph
                    labels.append(doc[end - 1])
            elif label == "SOURCE":
                sources.append((tok, end))
            else:
                cues.append((tok, label))
        cues.sort(key=lambda c: c[0].i)
        self.clause_cues = {
            tok.i for tok, label in cues if label == "CUE" and any(c.dep_ in lex.CONTENT_DEPS for c in tok.children)
        }
        # subjectless cues with a clause of their own are separate statements ("..., adding ...")
        for tok, label in cues:
            subjectless = label == "CUE" and subject_of(tok) is None and tok.dep_ != "ROOT"
            if subjectless and _asserts(tok) and self._clause(tok):
                self.own_record.add(tok.i)
        found: list[Candidate] = []
        for tok, label in cues:
            weak = label in ("FRAME_CUE", "BELIEF_CUE") or tok.lemma_.lower() in lex.WEAK_CUES
            if label == "CLAIM_CUE":
                cand = self._from_claim(tok)
            else:
                cand = self._from_cue(tok, frame_only=label == "FRAME_CUE", needs_name=weak)
            if cand is not None:
                found.append(cand)
        for tok, end in sources:
            cand = self._from_source(tok, end)
            if cand is not None:
                found.append(cand)
        found += [cand for colon in labels if (cand := self._from_label(colon)) is not None]
        found += self._embedded()
        found += self._uncued()
        for cand in found:
            cand.para = art.para_of(cand.position)
        found.sort(key=lambda c: c.position)
        return found

    def _from_cue(self, cue: Token, *, frame_only: bool, needs_name: bool) -> Candidate | None:
        if not _asserts(cue):
            return None
        speaker = _speaker_head(cue)
        own_subject = subject_of(cue)
        before = self._before_frame(cue, own_subject)
        clause = set() if frame_only else self._clause(cue)
        after = self._after_frame(cue, own_subject) if own_subject is not None else None
        if after is not None and clause:
            # a cue with a clause of its own outside the quotations is not that quotation's cue
            framed = {j for s in (after, before) if s is not None for j in self.art.spans[s].chain}
            if any(self.art.span_of_token[i] not in framed for i in clause if not self.doc[i].is_punct):
                after = None
        if after is not None or before is not None:
            chosen = [s for s in (after, before) if s is not None]
            chain = sorted({j for s in chosen for j in self.art.spans[s].chain})
            if any(j in self.used for j in chain):
                return None
            self.used.update(chain)
            ranges = self._span_ranges(chain)
            if not ranges:
                return None
            return self._make(cue, cue.text, speaker, "direct", ranges, tuple(chain), needs_name=needs_name)
        if not clause and own_subject is not None and not frame_only:
            clause = self._left_clause(cue, own_subject)
        if not clause:
            return None
        content = self._content_ranges(self._with_trailing_quote(clause))
        if not content:
            return None
        kind, spans, ranges = self._classify(content, that_clause=self._has_that(cue))
        return self._make(cue, cue.text, speaker, kind, ranges, spans, needs_name=needs_name)

    def _from_claim(self, cue: Token) -> Candidate | None:
        """A verb that reports only in a frame of its own: "rejected claims that ...", "described X as Y",
        "called for a ceasefire", "expressed fears that ..."."""
        if not _asserts(cue):
            return None
        tokens = self._clause(cue)
        content = self._content_ranges(tokens) if tokens else []
        if not content:
            return None
        kind, spans, ranges = self._classify(content, that_clause=False)
        return self._make(cue, cue.text, _speaker_head(cue), kind, ranges, spans, needs_name=True)

    def _from_label(self, colon: Token) -> Candidate | None:
        """"Varga: the port will reopen": the rest of the paragraph is the named person's."""
        doc = self.doc
        para = self.art.para_of(colon.idx)
        last = colon.i
        while last + 1 < len(doc) and self.art.para_of(doc[last + 1].idx) == para and "\n" not in doc[last].whitespace_:
            last += 1
        while last > colon.i and (doc[last].is_space or (doc[last].is_punct and self.art.span_of_token[last] < 0)):
            last -= 1
        if last == colon.i:
            return None
        content = self._content_ranges(set(range(colon.i + 1, last + 1)))
        if not content:
            return None
        kind, spans, ranges = self._classify(content, that_clause=False)
        start = doc[colon.i - 1]
        return Candidate(colon, colon.text, start, kind, ranges, spans, needs_person=True, position=colon.idx)

    def _from_source(self, according: Token, end: int) -> Candidate | None:
        """"according to X, ..." / "as per X, ...": the clause the phrase hangs on is X's (``end`` is one
        past the phrase, whose last word takes the source as its object)."""
        doc = self.doc
        prep = doc[end - 1]
        speaker = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if speaker is None:
            return None
        verb = according.head
        while (verb.pos_ not in _VERBAL or verb.dep_ == "conj") and verb.head.i != verb.i:
            verb = verb.head  # up to the clause's verb, and to its first conjunct
        while verb.head.pos_ in _VERBAL and (verb.dep_ in lex.COMPLEMENT_DEPS or (
            verb.dep_ == "ccomp" and verb.head.lemma_.lower() not in _CLAUSE_CUES
        )):
            verb = verb.head  # "left 805 people injured, according to X": the whole clause
        if verb.i == according.i or according.i <= verb.i < end:
            return None
        tokens = set(_subtree_range(verb)) - set(range(according.i, end)) - set(_subtree_range(according))
        tokens -= set(_subtree_range(speaker))
        if verb.dep_ == "relcl":  # "which, according to X, killed ...": drop the relative pronoun
            tokens -= {c.i for c in verb.children if c.lower_ in lex.RELATIVE_PRONOUNS}
        content = self._content_ranges(tokens, exclude_nested=False)
        if not content:
            return None
        kind, spans, ranges = self._classify(content)
        cue_text = doc[according.i:end].text.lower()
        return self._make(according, cue_text, speaker, kind, ranges, spans)

    def _embedded(self) -> list[Candidate]:
        """Quoted speech inside a sentence with no reporting verb: 'a difference X attributed to "..."'.

        The quotation is the words of the subject of the verb that governs it, when that subject
        names someone (checked when speakers are resolved). Kind is mixed: the writer's sentence
        holds the speaker's words.
        """
        doc, art = self.doc, self.art
        found: list[Candidate] = []
        for span in art.spans:
            if span.index in self.used or span.span.continues is not None or not span.speech:
                continue
            if span.close_tok is None or art.starts_sentence(span):
                continue
            inside = range(span.open_tok, span.close_tok + 1)
            root = next((t for t in doc[span.first:span.last] if t.head.i not in inside or t.head.i == t.i), None)
            node = root.head if root is not None else None
            subject = None
            while node is not None and subject is None:
                if node.pos_ in _VERBAL and node.i not in inside:
                    subject = subject_of(node)
                    if subject is not None and subject.i in inside:
                        subject = None
                if node.head.i == node.i:
                    break
                node = node.head
            if subject is None or node is None:
                continue
            verb = subject.head
            self.used.update(span.chain)
            open_char = doc[span.open_tok].idx
            close_char = doc[span.close_tok].idx + len(doc[span.close_tok].text)
            found.append(Candidate(verb, verb.text, subject, "mixed", [(open_char, close_char)], span.chain,
                                    needs_name=True, position=min(subject.idx, open_char)))
        return found

    def _uncued(self) -> list[Candidate]:
        """Quotations that stand as sentences with no cue: they inherit the last speaker."""
        found: list[Candidate] = []
        for span in self.art.spans:
            if span.index in self.used or span.span.continues is not None or not span.speech:
                continue
            if not self.art.starts_sentence(span):
                continue
            last = self.art.spans[span.chain[-1]]
            if not self.art.closes_sentence(last):
                continue
            self.used.update(span.chain)
            ranges = self._span_ranges(span.chain)
            if ranges:
                found.append(Candidate(None, "", None, "direct", ranges, span.chain, position=span.span.open))
        return found

    def _make(
        self, cue: Token, cue_text: str, speaker: Token | None, kind: QuoteKind,
        ranges: list[tuple[int, int]], spans: tuple[int, ...], *, needs_name: bool = False,
    ) -> Candidate | None:
        if speaker is None:
            return None
        position = min(cue.idx, speaker.idx, ranges[0][0])
        return Candidate(cue, cue_text, speaker, kind, ranges, spans, needs_name=needs_name, position=position)


# -- the frames of reported speech (lexicon.frames), matched once per Doc ---------------------------

_FRAME_PATTERNS = AnchoredMatcher([(frame.name, pattern) for frame in FRAMES for pattern in frame.patterns])
_FRAME_BY_NAME = {frame.name: frame for frame in FRAMES}
_FRAME_ORDER = {frame.name: n for n, frame in enumerate(FRAMES)}


def frame_matches(doc: Doc) -> dict[int, list[tuple[Frame, dict[str, Token]]]]:
    """Every frame match of a Doc, by the index of its cue, in the order of :data:`FRAMES`."""
    if not doc.has_annotation("DEP"):
        return {}
    found: dict[int, list[tuple[Frame, dict[str, Token]]]] = {}
    for name, token_ids in _FRAME_PATTERNS(doc):
        frame = _FRAME_BY_NAME[name]
        nodes = {node: doc[i] for node, i in zip(node_names(frame), token_ids, strict=True)}
        found.setdefault(nodes["cue"].i, []).append((frame, nodes))
    for matches in found.values():
        matches.sort(key=lambda m: _FRAME_ORDER[m[0].name])
    return found


# -- frames that give figures their sources -------------------------------------------------------

_FRAME_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}


def _frame_matcher(vocab: Vocab) -> Matcher:
    """The matcher of :data:`lexicon.quotes.SOURCE_FRAME_PATTERNS`, built once per vocabulary."""
    return _per_vocab(_FRAME_MATCHERS, vocab, _build_frame_matcher)


def _build_frame_matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for label, patterns in lex.SOURCE_FRAME_PATTERNS.items():
        matcher.add(label, patterns)
    return matcher


@dataclass(frozen=True, slots=True)
class VerbFrame:
    """A phrase that attributes whatever it governs: "X said", "according to X", "X counted".

    ``scope`` and ``exclude`` are token ranges: what the frame governs, and the speaker's own
    words inside it. ``tier`` 0 reports speech, 1 evidence ("counted", "estimated"); ``named``
    marks an evidence verb whose subject names a body of its own ("the Tessaline ministry").
    """

    cue: Token
    speaker: Token
    scope: tuple[int, int]
    exclude: tuple[int, int]
    tier: int
    named: bool = False


def _reporting_subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb: its subject, the agent of a passive, or a conjoined verb's subject."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        head = verb.head  # "He said ... and claimed that ...": the first verb's subject
        lemma = head.lemma_.lower()
        if verb.dep_ != "conj" or not (lemma in lex.REPORTING_VERBS or lemma in lex.EVIDENCE_VERBS):
            return None
        verb = head
    return None


_SPEAKING_NOUNS = (
    lex.SOURCE_NOUNS | lex.PERSON_ROLE_NOUNS | lex.ORG_HEAD_NOUNS | lex.DOCUMENT_NOUNS | lex.SPOKESPERSON_NOUNS
    | lex.FIGURE_NOUNS | figure_lex.PERSON_NOUNS
)


def can_speak(head: Token) -> bool:
    """Whether a phrase (by its head) can claim something: a person, a body, a place that stands for
    its government, a document; not "the shoals" of "the shoals have claimed boats before"."""
    if head.pos_ in ("PRON", "PROPN") or head.ent_type_ in lex.SPEAKER_ENTITY_LABELS:
        return True
    return head.lemma_.lower() in _SPEAKING_NOUNS or head.lower_.endswith(figure_lex.PERSON_SUFFIXES)


def _named_subject(subject: Token) -> bool:
    """A subject that names a body of its own ("the Tessaline foreign ministry"), not a part of the
    speaker's ("its team") or a common noun ("the count")."""
    words = list(subject.subtree)
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for t in words) and not any(
        t.tag_ == "PRP$" or t.pos_ == "PRON" for t in words
    )


def _clause_of(token: Token) -> Token:
    head = token.head
    while head.pos_ not in _VERBAL and head.head.i != head.i:
        head = head.head
    return head


def _scope(scope_head: Token) -> tuple[int, int]:
    sent = scope_head.sent
    if scope_head.i == sent.root.i or scope_head.head.i == scope_head.i:
        return sent.start, sent.end
    return scope_head.left_edge.i, scope_head.right_edge.i + 1


def verb_frames(art: QuotedDoc) -> list[VerbFrame]:
    """Every frame of :data:`lexicon.quotes.SOURCE_FRAME_PATTERNS` in the article, in text order.

    A frame without a speaker the parse can find ("it was reported") is left out. It cannot see a
    frame the parser did not attach ("Six died, police" with no verb).
    """
    doc = art.doc
    found: list[VerbFrame] = []
    for match_id, start, _ in _frame_matcher(doc.vocab)(doc):
        label = doc.vocab.strings[match_id]
        cue = doc[start]
        if label == "ACCORDING":
            speaker = next((c for c in doc[start + 1].children if c.dep_ == "pobj"), None)
            if speaker is None:
                continue
            clause = _clause_of(cue)
            scope = _scope(clause if clause.dep_ in ("relcl", "acl") else cue.sent.root)
            found.append(VerbFrame(cue, speaker, scope, (cue.i, speaker.right_edge.i + 1), tier=0))
        elif label == "CITING":
            speaker = next((c for c in cue.children if c.dep_ in ("dobj", "pobj")), None)
            if speaker is not None:
                found.append(VerbFrame(cue, speaker, _scope(_clause_of(cue)), (cue.i, speaker.right_edge.i + 1),
                                       tier=0))
        else:
            speaker = _reporting_subject(cue)
            tier = 0 if label == "SPEECH_VERB" else 1
            if speaker is None or (tier == 0 and not can_speak(speaker)):  # "the data show" is evidence
                continue
            if cue.dep_ in lex.SENTENCE_WIDE_CUE_DEPS:
                scope = (cue.sent.start, cue.sent.end)
            else:
                scope = _scope(cue.head if cue.dep_ in lex.NOUN_CUE_DEPS else cue)
            found.append(VerbFrame(cue, speaker, scope, (speaker.left_edge.i, speaker.right_edge.i + 1), tier=tier,
                                   named=tier == 1 and _named_subject(speaker)))
    found.sort(key=lambda f: f.cue.i)
    return found
