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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.matcher import Matcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from components.language.entities import is_personal_title
from components.language.lexicon import quotes as lex
from components.language.quote_marks import ALL_MARKS, QuotedDoc

QuoteKind = Literal["direct", "indirect", "mixed"]


_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}
_MATCHER_CACHE_SIZE = 4  # one model in the app; tests build a few blank vocabularies
_VERBAL = ["VERB", "AUX"]


def _matcher(vocab: Vocab) -> Matcher:
    """The cue matcher for a vocabulary, built once (the cache holds the vocab, so its id stays its own)."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    while len(_MATCHERS) >= _MATCHER_CACHE_SIZE:
        _MATCHERS.pop(next(iter(_MATCHERS)))
    matcher = Matcher(vocab)
    not_clause = {"NOT_IN": sorted(lex.NON_CLAUSE_DEPS)}
    matcher.add("CUE", [[{"LEMMA": {"IN": sorted(lex.REPORTING_VERBS)}, "POS": {"IN": _VERBAL}, "DEP": not_clause}]])
    matcher.add("FRAME_CUE", [[{"LEMMA": {"IN": sorted(lex.FRAME_ONLY_VERBS)}, "POS": {"IN": _VERBAL},
                                "DEP": not_clause}]])
    matcher.add("CLAIM_CUE", [[{"LEMMA": {"IN": sorted(lex.CLAIM_ONLY_VERBS)}, "POS": {"IN": _VERBAL},
                                "DEP": not_clause}]])
    matcher.add("SOURCE", [[{"LOWER": word} for word in phrase] for phrase in lex.SOURCE_PHRASES])
    _MATCHERS[id(vocab)] = (vocab, matcher)
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
    position: int = 0  # character offset that orders candidates
    para: int = 0


def _subtree_range(token: Token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


def subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in lex.SUBJECT_DEPS and c.pos_ in lex.SUBJECT_POS]
    if len(subjects) > 1:  # "« Nous resterons », said X": the quotation is no subject
        subjects.sort(key=lambda c: any(t.text in ALL_MARKS for t in c.subtree))
    if subjects:
        return subjects[0]
    if verb.lemma_.lower() in lex.PASSIVE_SPEAKER_VERBS:
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return None


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


def _asserts(verb: Token) -> bool:
    """False for a cue that reports nothing: negated, "refused to say", or "Asked whether ..."."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.tag_ == "VBN" and verb.dep_ in lex.PARTICIPLE_DEPS and not any(c.dep_ == "aux" for c in verb.children):
        return False  # a passive participle: the question put to someone, not their answer
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.NON_ASSERTIVE_GOVERNORS)


class Finder:
    """Finds the candidates of one article."""

    def __init__(self, art: QuotedDoc) -> None:
        self.art = art
        self.doc = art.doc
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
        """Token indices of the clause a cue governs (empty when it governs none)."""
        doc = self.doc
        comps = [c for c in cue.children if c.dep_ in lex.CONTENT_DEPS]
        if not comps:  # "said in a statement that ..."
            for prep in cue.children:
                if prep.dep_ != "prep":
                    continue
                for noun in prep.children:
                    if noun.dep_ == "pobj" and noun.lemma_.lower() in lex.MEDIUM_NOUNS:
                        comps += [
                            c for c in noun.children
                            if c.dep_ in lex.MEDIUM_CLAUSE_DEPS and any(m.lower_ == "that" for m in c.children)
                        ]
        tokens: set[int] = set()
        head = cue.head
        if not comps and cue.dep_ in lex.PARENTHETICAL_DEPS and head.i < cue.i and subject_of(cue) is not None:
            # "Valdora holds 700 prisoners, officials say, while ...": the cue's head is the content
            tokens.update(_subtree_range(head))
            tokens -= set(_subtree_range(cue))
            for other in self.clause_cues & tokens:  # nested subtrees: the order does not matter
                if other != cue.i:
                    tokens -= set(_subtree_range(doc[other]))
            return tokens
        lemma = cue.lemma_.lower()
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if not comps and obj is not None and lemma in lex.DIRECTIVE_VERBS:  # "warned residents not to return"
            comps = [c for c in cue.children if c.dep_ == "xcomp" and c.i > obj.i]
        conjs: list[Token] = []
        if comps:  # "said that A and that B"
            conjs = [
                c for c in cue.children
                if c.dep_ == "conj" and c.pos_ in _VERBAL and doc[c.left_edge.i].lower_ == "that" and c.i > comps[0].i
            ]
        elif obj is not None and (claim := self._claim_content(cue, obj)):
            return claim  # "repeated his claim that ...", "accused the Union of laying the mine"
        elif obj is not None and lemma in lex.NP_STATEMENT_VERBS:  # "announced $4 million in aid"
            words = [t for t in obj.subtree if not t.is_punct]
            if len(words) >= lex.MIN_NP_STATEMENT_WORDS or any(t.like_num for t in words):
                tokens.update(_subtree_range(obj))
                for sib in cue.rights:
                    if sib.i > obj.i and sib.dep_ in {"prep", "npadvmod", "advmod"}:
                        tokens.update(_subtree_range(sib))
                return tokens
        for conj in conjs:
            tokens.update(range(comps[-1].right_edge.i + 1, conj.right_edge.i + 1))
        for comp in comps:
            tokens.update(_subtree_range(comp))
            has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in comp.children)
            first = self.doc[comp.left_edge.i]
            while first.is_punct and first.i < comp.i:
                first = self.doc[first.i + 1]
            # "warned the alliance "should be aware ..."": the object is the clause's subject
            obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < comp.i), None)
            if (
                not has_subject and obj is not None and first.tag_ in lex.FINITE_TAGS
                and all(t.text in ALL_MARKS for t in self.doc[obj.right_edge.i + 1:comp.left_edge.i])
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
        dash = next((t.i for t in doc[start:edge] if t.text in lex.DATELINE_DASHES and t.i - start <= 12), None)
        if dash is not None and not any(t.tag_ in lex.FINITE_TAGS for t in doc[start:dash]):
            start = dash + 1  # a dateline
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
        sources: list[Token] = []
        for match_id, start, _ in _matcher(doc.vocab)(doc):
            label = doc.vocab.strings[match_id]
            tok = doc[start]
            if art.in_speech(tok.i):
                continue
            if label == "SOURCE":
                sources.append(tok)
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
            weak = label == "FRAME_CUE" or tok.lemma_.lower() in lex.WEAK_CUES
            if label == "CLAIM_CUE":
                cand = self._from_claim(tok)
            else:
                cand = self._from_cue(tok, frame_only=label == "FRAME_CUE", needs_name=weak)
            if cand is not None:
                found.append(cand)
        for tok in sources:
            cand = self._from_source(tok)
            if cand is not None:
                found.append(cand)
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
        """A verb that reports a claim only through its object: "rejected claims that ..."."""
        if not _asserts(cue):
            return None
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        tokens = self._claim_content(cue, obj)
        content = self._content_ranges(tokens) if tokens else []
        if not content:
            return None
        kind, spans, ranges = self._classify(content, that_clause=False)
        return self._make(cue, cue.text, _speaker_head(cue), kind, ranges, spans, needs_name=True)

    def _claim_content(self, cue: Token, obj: Token | None) -> set[int]:
        """A statement reported through the cue's object: a claim or an accusation (empty if neither)."""
        return self._claim_object(cue) or self._accusation(cue, obj)

    def _claim_object(self, cue: Token) -> set[int]:
        """The object of a cue when it is a claim spelled out by a "that" clause ("his claim that ...")."""
        for obj in cue.children:
            if obj.dep_ != "dobj" or obj.lemma_.lower() not in lex.CLAIM_NOUNS:
                continue
            for clause in obj.children:
                first = self.doc[clause.left_edge.i]
                if clause.dep_ in lex.MEDIUM_CLAUSE_DEPS and first.lower_ == "that" and first.dep_ == "mark":
                    return set(_subtree_range(obj))
        return set()

    def _accusation(self, cue: Token, obj: Token | None) -> set[int]:
        """"accused X of Y", "blamed X for Y": the object and the phrase that says what of."""
        preps = lex.ACCUSATION_PREPS.get(cue.lemma_.lower())
        if obj is None or not preps:
            return set()
        for prep in [*cue.rights, *obj.rights]:  # the parser hangs "of ..." on either
            if prep.i > obj.i and prep.dep_ == "prep" and prep.lower_ in preps and any(
                c.dep_ in {"pcomp", "pobj"} for c in prep.children
            ):
                return set(range(obj.left_edge.i, prep.right_edge.i + 1))
        return set()

    def _from_source(self, according: Token) -> Candidate | None:
        doc = self.doc
        to = doc[according.i + 1]
        speaker = next((c for c in to.children if c.dep_ == "pobj"), None)
        if speaker is None:
            return None
        verb = according.head
        while (verb.pos_ not in _VERBAL or verb.dep_ == "conj") and verb.head.i != verb.i:
            verb = verb.head  # up to the clause's verb, and to its first conjunct
        if verb.i == according.i:
            return None
        tokens = set(_subtree_range(verb)) - set(_subtree_range(according))
        if verb.dep_ == "relcl":  # "which, according to X, killed ...": drop the relative pronoun
            tokens -= {c.i for c in verb.children if c.lower_ in lex.RELATIVE_PRONOUNS}
        content = self._content_ranges(tokens, exclude_nested=False)
        if not content:
            return None
        kind, spans, ranges = self._classify(content)
        return self._make(according, "according to", speaker, kind, ranges, spans)

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
