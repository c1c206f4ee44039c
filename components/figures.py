"""Casualty counts and other figures: values, ranges, qualifiers, subsets, sources, units, dates.

How it works (compute first, then annotate; every word list is in :mod:`components.lexicon.figures`):

1. **Amounts.** Every number is read into an amount: digits ("1,200", "1.5 million"), number
   words through ``text2num`` ("four", "twenty-one", "one hundred and fifty"), multipliers
   ("two dozen"), vague amounts ("dozens"), ranges ("between 10 and 15", "59 or 60", "10-15")
   and the qualifier around it ("more than", "at least", "or so"). Numbers that belong to dates,
   times, ages, durations, ordinals, identifiers ("Article 5", "F-16") or phone numbers are
   dropped here, so nothing later can count them.
2. **What an amount counts**, in this order: percent ("12 percent"), money ("$1.5 billion"),
   quantity (a unit that pint knows, of an allowed dimension: "100 kilometers"), casualty (a
   casualty word linked by the dependency parse, or by the word order where the parse fails),
   count (a counted noun: "59 cruise missiles"), else nothing.
3. **Subsets** ("including two children", "two of whom were children", "among the dead were"),
   **sources** and **locations** are attached afterwards, sentence by sentence.
4. **Dates** are the model's DATE entities, resolved by ``dateparser`` against the publication date.

Values. ``value`` is the number as stated (None for ranges and vague amounts). ``low`` and
``high`` are the bounds the statement sets: an exact number sets both ("four": 4..4), "more
than"/"at least" set ``low``, "up to"/"nearly" set ``high``, "about" sets neither (the number is
approximate), a range sets both ("59 or 60": 59..60) and a vague amount sets what its lexicon
entry says ("dozens": low 24).

Sources. A figure's source is the speaker of the attribution that governs it in its own sentence
("according to X" or a reporting verb whose clause holds the figure: "X said", "X reported").
A sentence with no attribution at all takes the last attribution of the sentence just before
it when both are in the same paragraph and that attribution is reported speech, not a closed
quotation ("According to the governor, the strike hit a market. Six people were killed." ->
the governor). The carry-over reaches one sentence only, never across a paragraph break and
never from a sentence whose attributed words are in quotation marks. A subset with no source
takes its parent's. Names go through the entity index: "the ministry" is the ministry the
article named before, "he" the person named last.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal, cast

from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from components.doctext import doc_text
from components.entities import EntityIndex, Mention
from components.lexicon import figures as lex
from components.lexicon.names import TITLE_WORDS
from components.lexicon.sides import DEMONYMS

FigureType = Literal["casualty", "quantity", "money", "percent", "count", "date"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure claimed in an article. Offsets are character offsets into the article text."""

    id: str  # "f0", "f1", ... unique within the article; subset_of points at one of these
    type: FigureType
    text: str  # the phrase as written: "more than 150 people were wounded"
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    category: str | None = None  # casualties: killed|wounded|casualties|missing|detained|displaced
    value: float | None = None  # as stated; None for vague amounts ("dozens") and ranges
    low: float | None = None  # lower bound the statement sets (see the module docstring)
    high: float | None = None  # upper bound the statement sets
    qualifier: str | None = None  # "more than", "at least", "about", "up to", ...
    unit: str | None = None  # symbol: km, mi, kg, USD, %, ...
    si_value: float | None = None  # quantities converted to SI (metres, kilograms, m/s)
    si_unit: str | None = None
    group: str | None = None  # people, civilians, children, soldiers, drones, ...
    subset_of: str | None = None  # id of the figure this one is part of
    source: str | None = None  # who claims it; None when the article states it itself
    location: str | None = None
    iso: str | None = None  # dates: ISO date (the first day of the period for weeks, months, years)
    precision: str | None = None  # dates: day|week|month|year
    number_start: int | None = None  # offsets of the number itself, for highlighting
    number_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- amounts -------------------------------------------------------------------------------------

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGIT_RANGE = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)[-–—]((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$")
_DIGIT_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|mn|m|k|tn)$", re.IGNORECASE)
_PHONE = re.compile(
    r"\+\d[\d\s().-]{6,}\d|\(\d{2,4}\)\s?\d{3,4}[\s.-]?\d{3,4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b|\b\d{3}[.-]\d{4}\b"
)
_SCALES = ("hundred", "thousand", "million", "billion", "trillion")
_SUBJECTS = ("nsubj", "nsubjpass")
_NOMINAL = ("NOUN", "PROPN", "NUM", "PRON")
_QUOTES = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


@dataclass(frozen=True, slots=True)
class _Number:
    value: float | None
    low: float | None
    high: float | None
    end: int
    vague: bool = False


@dataclass(frozen=True, slots=True)
class _Amount:
    start: int  # first token, qualifier and currency symbol included
    num_start: int  # first token of the number itself
    end: int  # one past the last token of the number
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None = None
    currency: str | None = None  # from a symbol before the number


def _lem(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def _is_number_word(token: Token) -> bool:
    return token.is_alpha and token.like_num and token.lower_ not in lex.ORDINAL_WORDS


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


def _read_words(doc: Doc, i: int, stop: int) -> tuple[float, int] | None:
    """Read a run of number words ("twenty-one", "one hundred and fifty") with text2num."""
    j = i + 1
    while j < stop:
        tok = doc[j]
        if _is_number_word(tok):
            j += 1
            continue
        joins = (tok.text in ("-", "–") and not doc[j - 1].whitespace_) or (  # "twenty-one"
            tok.lower_ == "and" and doc[j - 1].lower_ in _SCALES[:2]  # "one hundred and fifty"
        )
        if not (joins and j + 1 < stop and _is_number_word(doc[j + 1])):
            break
        j += 2
    for k in range(j, i, -1):
        words = doc[i:k].text.lower()
        try:
            return float(text2num(words, "en")), k
        except ValueError:
            continue
    return None


_VAGUE_FIRST = frozenset(k[0] for k in lex.VAGUE_AMOUNTS)
_STARTERS = _VAGUE_FIRST | {"a", "an"}


def _may_start_number(token: Token) -> bool:
    """Cheap test before reading: digits, number words, vague amounts, "a dozen", "2bn"."""
    return token.like_num or token.lower_ in _STARTERS or token.text[:1].isdigit()


def _read_number(doc: Doc, i: int, stop: int) -> _Number | None:
    """Read one number (no qualifier, no range) starting at token ``i``."""
    tok = doc[i]
    if tok.lower_ in _VAGUE_FIRST:
        for n in range(min(lex.VAGUE_MAX_WORDS, stop - i), 0, -1):
            key = tuple(t.lower_ for t in doc[i : i + n])
            if key in lex.VAGUE_AMOUNTS:
                low, high = lex.VAGUE_AMOUNTS[key]
                return _Number(None, low, high, i + n, vague=True)
    value: float | None = None
    end = i + 1
    if tok.lower_ in ("a", "an") and i + 1 < stop:
        nxt = doc[i + 1].lower_
        if nxt in lex.MULTIPLIERS:
            value, end = lex.MULTIPLIERS[nxt], i + 2
            return _Number(value, value, value, end)
        if nxt in _SCALES:
            value, end = float(text2num(nxt, "en")), i + 2
        else:
            return None
    elif (m := _DIGIT_RANGE.match(tok.text)) is not None:
        low, high = _to_float(m.group(1)), _to_float(m.group(2))
        return _Number(None, low, high, end) if low <= high else None  # "15-12" is a score, no range
    elif _DIGITS.match(tok.text):
        value = _to_float(tok.text)
        if end < stop and doc[end].lower_ in _SCALES:
            value *= float(text2num(doc[end].lower_, "en"))
            end += 1
    elif _is_number_word(tok):
        words = _read_words(doc, i, stop)
        if words is None:
            return None
        value, end = words
    else:
        return None
    if end < stop and doc[end].lower_ in lex.MULTIPLIERS:
        value *= lex.MULTIPLIERS[doc[end].lower_]
        end += 1
    return _Number(value, value, value, end)


def _bounds(value: float, bound: str | None) -> tuple[float | None, float | None]:
    if bound == "low":
        return value, None
    if bound == "high":
        return None, value
    if bound == "about":
        return None, None
    return value, value


def _change_of_count(prep: Token) -> bool:
    """True for "from" in "rose from 12 to 40": the figure is the second number only."""
    return prep.lower_ == "from" and _lem(prep.head) in lex.CHANGE_VERBS | lex.TOLL_VERBS


def _read_amount(doc: Doc, i: int, sent: Span) -> _Amount | None:
    stop = sent.end
    num = _read_number(doc, i, stop)
    if num is None:
        if (m := _DIGIT_SCALE.match(doc[i].text)) and i > sent.start and doc[i - 1].lower_ in lex.CURRENCY_SYMBOLS:
            value = float(m.group(1)) * lex.SCALE_ABBREVIATIONS[m.group(2).lower()]
            num = _Number(value, value, value, i + 1)
            return _qualify(doc, sent, i, i, num, scale_abbrev=True)
        return None
    start, end = i, num.end
    if not num.vague and num.value is not None and end + 1 < stop:
        word = doc[end].lower_
        between = i > sent.start and doc[i - 1].lower_ == lex.BETWEEN_WORDS[0] and word == lex.BETWEEN_WORDS[1]
        if word in lex.RANGE_WORDS or between:
            second = _read_number(doc, end + 1, stop)
            if second is not None and not second.vague and second.value is not None:
                if word == "to" and i > sent.start and _change_of_count(doc[i - 1]):
                    return None  # the reader reaches the second number on its own
                if num.value <= second.value:  # "15 — 12%" is two numbers, not a range downwards
                    num = _Number(None, num.value, second.value, second.end)
                    start = i - 1 if between else i
    return _qualify(doc, sent, start, i, num)


def _qualify(doc: Doc, sent: Span, start: int, num_start: int, num: _Number, *, scale_abbrev: bool = False) -> _Amount:
    end = num.end
    currency = None
    if start > sent.start and doc[start - 1].lower_ in lex.CURRENCY_SYMBOLS:
        currency = lex.CURRENCY_SYMBOLS[doc[start - 1].lower_]
        start -= 1
    if scale_abbrev or (currency and end < sent.end and doc[end].lower_.rstrip(".") in lex.SCALE_ABBREVIATIONS):
        if not scale_abbrev:
            scale = lex.SCALE_ABBREVIATIONS[doc[end].lower_.rstrip(".")]
            num = _Number(*(None if x is None else x * scale for x in (num.value, num.low, num.high)), end + 1)
            end += 1
        scale_abbrev = True
    qualifier, bound = None, None
    for n in range(lex.QUALIFIER_MAX_WORDS, 0, -1):
        if start - n < sent.start:
            continue
        key = tuple(t.lower_ for t in doc[start - n : start])
        if key in lex.QUALIFIERS:
            qualifier, bound = doc[start - n : start].text.lower(), lex.QUALIFIERS[key]
            start -= n
            break
    if qualifier is None and end + 1 < sent.end:
        key = (doc[end].lower_, doc[end + 1].lower_)
        if key in lex.TRAILING_QUALIFIERS:
            qualifier, bound = doc[end : end + 2].text.lower(), lex.TRAILING_QUALIFIERS[key]
    value, low, high = num.value, num.low, num.high
    if value is not None and qualifier is not None:
        low, high = _bounds(value, bound)
    return _Amount(start, num_start, end, value, low, high, qualifier, currency)


def _phone_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PHONE.finditer(text)]


def _glued(doc: Doc, start: int, end: int) -> tuple[bool, bool]:
    """A number (tokens ``start:end``) glued by a hyphen to a word before it ("F-16", "Su-34") or
    after it ("a 16-storey block", "12-year-old", "a 300-kilometre front")."""
    before = (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].text[-1:].isalpha()
    )
    after = (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].text[:1].isalpha()
    )
    return before, after


def _next_word(doc: Doc, end: int, stop: int) -> Token | None:
    j = end
    while j < stop and doc[j].text in ("-", "–"):
        j += 1
    return doc[j] if j < stop else None


def _is_year(doc: Doc, amount: _Amount, sent: Span) -> bool:
    tok = doc[amount.num_start]
    if amount.end - amount.num_start != 1 or not tok.text.isdigit() or amount.qualifier:
        return False
    if not lex.YEAR_RANGE[0] <= int(tok.text) <= lex.YEAR_RANGE[1]:
        return False
    head = tok.head
    counts_noun = (  # "2000 people" counts; "a 2023 skirmish" (a singular noun) is a year
        tok.dep_ in ("nummod", "compound", "quantmod")
        and head.i > tok.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ not in lex.MONTHS
        and head.tag_ not in ("NN", "NNP")
    )
    return not counts_noun


def _excluded(doc: Doc, amount: _Amount, sent: Span, phones: Sequence[tuple[int, int]]) -> bool:
    """Numbers that are never figures: dates, times, ages, durations, ordinals, identifiers, phones."""
    tokens = doc[amount.num_start : amount.end]
    first = tokens[0]
    start_char, end_char = first.idx, tokens[-1].idx + len(tokens[-1].text)
    if any(t.ent_type_ in ("TIME", "ORDINAL") for t in tokens):
        return True
    if any(a < end_char and start_char < b for a, b in phones):
        return True
    glued_before, glued_after = _glued(doc, amount.num_start, amount.end)
    if glued_before or (glued_after and _unit_after(doc, amount.end, sent.end) is None):
        return True
    prev = doc[amount.start - 1] if amount.start > sent.start else None
    nxt = doc[amount.end] if amount.end < sent.end else None
    if (
        len(tokens) == 1
        and first.lower_ == lex.ONE_OF[0]
        and (
            (nxt is not None and (nxt.lower_ == lex.ONE_OF[1] or nxt.lower_ in lex.NOT_A_COUNT_BEFORE))
            or (prev is not None and prev.lower_ in lex.NOT_A_COUNT_AFTER)
        )
    ):
        return True
    word = _next_word(doc, amount.end, sent.end)
    if word is not None and (
        word.lower_ in lex.TIME_UNITS or word.lower_ in lex.MONTHS or word.lower_ in lex.MULTIPLICATIVES
    ):
        return True
    if prev is not None and prev.lower_ in lex.MONTHS:
        return True
    if _is_year(doc, amount, sent):
        return True
    if prev is not None and amount.qualifier is None and amount.currency is None:
        if prev.lower_ in lex.IDENTIFIER_CUES:
            return True
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.ent_type_ not in ("NORP", "MONEY"):
            return True
    # a list marker: "1." or "2)" at the start of a line
    marker = nxt is not None and nxt.text in (".", ")")
    return marker and amount.num_start == sent.start and amount.end == sent.start + 1


# --- units, money, percent -----------------------------------------------------------------------


class _Units:
    """The pint registry, built once per process on first use (it takes a quarter of a second)."""

    _registry: Any = None

    @classmethod
    def registry(cls) -> Any:
        if cls._registry is None:
            import pint

            cls._registry = pint.UnitRegistry()
        return cls._registry


#: A unit phrase is words, joined by spaces or single slashes ("km", "miles per hour", "km/h").
_UNIT_PHRASE = re.compile(r"[^\W\d_]+(?:[ /][^\W\d_]+)*")


@lru_cache(maxsize=2048)
def _unit_of(phrase: str) -> tuple[str, float, str] | None:
    """(symbol, factor to SI, SI symbol) for a unit phrase of an allowed dimension, else None."""
    import pint

    if not _UNIT_PHRASE.fullmatch(phrase):
        return None  # pint evaluates what it parses: "/0" divides by zero, "m**999" overflows
    ureg = _Units.registry()
    name = lex.UNIT_ALIASES.get(phrase, phrase)
    try:
        unit = ureg.parse_units(name)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError, AttributeError,
            TypeError, AssertionError, ArithmeticError):
        return None
    if str(unit.dimensionality) not in lex.UNIT_DIMENSIONS:
        return None
    base = ureg.Quantity(1.0, unit).to_base_units()
    return f"{unit:~P}", float(base.magnitude), f"{base.units:~P}"


def _unit_after(doc: Doc, end: int, stop: int) -> tuple[int, tuple[str, float, str]] | None:
    """The unit after a number, as (end token, (symbol, factor to SI, SI symbol)), or None.

    "300-kilometre" (a hyphenated adjective) counts; "12 foot soldiers" (a unit word that
    modifies a noun) does not.
    """
    glued = end + 1 < stop and doc[end].text == "-" and not doc[end - 1].whitespace_
    if glued:
        end += 1
    for n in range(min(lex.UNIT_MAX_WORDS, stop - end), 0, -1):
        tokens = doc[end : end + n]
        last = tokens[-1]
        if n == 1 and last.lower_ in lex.NOT_UNITS:
            continue
        if any(not (t.is_alpha or "/" in t.text) for t in tokens):
            continue
        if last.pos_ in ("AUX", "VERB", "ADP", "DET", "PRON", "ADJ", "ADV", "CCONJ", "SCONJ", "PART"):
            continue
        if not glued and last.dep_ in ("compound", "amod") and last.head.i > last.i:
            continue  # "12 foot soldiers"
        found = _unit_of(tokens.text.lower())
        if found is not None:
            return end + n, found
    return None


def _percent_after(doc: Doc, end: int, stop: int) -> int | None:
    for key in lex.PERCENT_WORDS:
        n = len(key)
        if end + n <= stop and tuple(t.lower_ for t in doc[end : end + n]) == key:
            return end + n
    return None


def _currency_after(doc: Doc, end: int, stop: int, *, in_money: bool) -> tuple[int, str] | None:
    j = end
    while j < stop and doc[j].lower_ in _SCALES:
        j += 1
    if j < stop and doc[j].lower_ in lex.CURRENCY_WORDS:
        if doc[j].lower_ in lex.AMBIGUOUS_CURRENCY_WORDS and not in_money:
            return None
        return j + 1, lex.CURRENCY_WORDS[doc[j].lower_]
    return None


# --- casualties ----------------------------------------------------------------------------------


def _is_person(token: Token) -> bool:
    low, lem = token.lower_, _lem(token)
    return (
        lem in lex.PERSON_NOUNS
        or low in lex.PERSON_NOUNS
        or token.ent_type_ == "NORP"
        or low in DEMONYMS
        or low.endswith(lex.PERSON_SUFFIXES)
    )


def _is_civilian(token: Token | None) -> bool:
    return token is not None and (_lem(token) in lex.CIVILIAN_NOUNS or token.lower_ in lex.CIVILIAN_NOUNS)


def _bare_category(token: Token) -> str | None:
    """The category a trigger word has on its own ("wounded" in "killed or wounded")."""
    lem = _lem(token)
    return (
        lex.TRANSITIVE_VERBS.get(lem)
        or lex.INTRANSITIVE_VERBS.get(lem)
        or lex.ADJECTIVES.get(token.lower_)
        or lex.NOUNS.get(lem)
        or lex.NOUNS.get(token.lower_)
    )


def _bare_conjunct(second: Token, first: Token) -> bool:
    """"killed or wounded": the second word is next to the first and has no clause of its own."""
    if second.i - first.i > lex.COMBINED_MAX_GAP:
        return False
    return not any(c.dep_ in (*_SUBJECTS, "dobj", "aux", "auxpass", "nummod") for c in second.children)


def _combine(trigger: Token, category: str) -> str:
    """"killed or wounded", "dead and injured": two categories over one victim are casualties."""
    others = [c for c in trigger.children if c.dep_ == "conj" and _bare_conjunct(c, trigger)]
    if trigger.dep_ == "conj" and _bare_conjunct(trigger, trigger.head):
        others.append(trigger.head)
    for other in others:
        other_category = _bare_category(other)
        if other_category and other_category != category:
            return lex.COMBINED.get(frozenset({category, other_category}), category)
    return category


def _phrase_category(verb: Token) -> str | None:
    """Fixed phrases whose subject is the victim: "lost their lives", "taken prisoner", "listed as missing"."""
    lem = _lem(verb)
    for child in verb.children:
        if child.dep_ == "dobj" and (lem, _lem(child)) in lex.VERB_OBJECT_PHRASES:
            return lex.VERB_OBJECT_PHRASES[(lem, _lem(child))]
        if child.dep_ in ("oprd", "acomp", "xcomp", "attr", "dobj", "ccomp", "advmod", "npadvmod"):
            found = lex.VERB_PREDICATE_PHRASES.get((lem, child.lower_)) or lex.VERB_PREDICATE_PHRASES.get(
                (lem, _lem(child))
            )
            if found:
                return found
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    found = lex.VERB_PREP_PHRASES.get((lem, child.lower_, _lem(obj))) or lex.VERB_PREP_PHRASES.get(
                        (lem, child.lower_, obj.lower_)
                    )
                    if found:
                        return found
    return None


def _predicate_category(verb: Token, victim_dep: str, noun: Token | None) -> str | None:
    """Category of a casualty predicate whose victim fills ``victim_dep`` of ``verb``."""
    lem = _lem(verb)
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    category = None
    if lem in lex.TRANSITIVE_VERBS and (
        victim_dep in ("dobj", "nsubjpass") or (victim_dep == "nsubj" and not has_object)
    ):
        particle = lex.VERB_PARTICLES.get(lem)
        if particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
            category = lex.TRANSITIVE_VERBS[lem]
        if lem in lex.PERSON_OBJECT_VERBS and noun is not None and not _is_person(noun):
            category = None
    elif lem in lex.INTRANSITIVE_VERBS and victim_dep == "nsubj":
        category = lex.INTRANSITIVE_VERBS[lem]
    elif lem in lex.CIVILIAN_VERBS and victim_dep == "nsubj" and _is_civilian(noun):
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if all(_lem(o) in lex.HOME_NOUNS for o in objects):
            category = lex.CIVILIAN_VERBS[lem]
    if category is None and victim_dep in _SUBJECTS:
        category = _phrase_category(verb)
        if category is None and victim_dep == "nsubj" and not has_object and verb.pos_ in ("ADJ", "VERB"):
            category = lex.ADJECTIVES.get(verb.lower_)
    if category is None and victim_dep == "dobj":  # "left 12 people dead", "shot dead four people"
        for child in verb.children:
            if child.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advcl", "amod", "advmod", "dep") and (
                (lem == "leave" and child.lower_ in lex.ADJECTIVES)
                or (lem, child.lower_) in lex.VERB_PREDICATE_PHRASES
            ):
                return lex.VERB_PREDICATE_PHRASES.get((lem, child.lower_)) or lex.ADJECTIVES[child.lower_]
    return _combine(verb, category) if category else None


def _noun_category(noun: Token) -> tuple[str, Token] | None:
    """A noun that is a casualty word ("deaths") or is modified by one ("wounded soldiers", "people killed")."""
    own = lex.NOUNS.get(_lem(noun)) or lex.NOUNS.get(noun.lower_)
    if own:
        return own, noun
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in lex.ADJECTIVES:
            return _combine(child, lex.ADJECTIVES[child.lower_]), child
        if child.dep_ == "acl" and child.i > noun.i:
            category = _predicate_category(child, "nsubjpass", noun) if child.tag_ == "VBN" else None
            category = category or lex.ADJECTIVES.get(child.lower_)
            if category:
                return category, child
        if child.dep_ == "relcl":
            for sub in child.children:
                if sub.dep_ in _SUBJECTS and sub.lower_ in ("who", "that", "which"):
                    category = _predicate_category(child, sub.dep_, noun)
                    if category:
                        return category, child
    return None


_INHERIT = "inherit"  # a toll noun with no modifier counts what the last casualty figure counted


def _toll_category(toll: Token) -> str | None:
    if _lem(toll) not in lex.TOLL_NOUNS:
        return None
    for child in toll.children:
        word = lex.TOLL_MODIFIERS.get(_lem(child)) or lex.TOLL_MODIFIERS.get(child.lower_)
        if child.dep_ in ("compound", "amod", "nmod") and word:
            return word
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                word = lex.TOLL_MODIFIERS.get(_lem(pobj)) or lex.TOLL_MODIFIERS.get(pobj.lower_)
                if word:
                    return word
                found = _noun_category(pobj)
                if found:
                    return found[0]
    return lex.BARE_TOLL_NOUNS.get(_lem(toll), _INHERIT)


def _toll_rule(root: Token) -> tuple[str, Token] | None:
    """"The death toll rose to 40", "a toll of 40", "put the toll at 40", "the number of dead reached 40"."""
    head = root.head
    if root.dep_ == "pobj" and head.pos_ == "ADP":
        owner = head.head
        if head.lower_ == "of" and owner.i < root.i and (category := _toll_category(owner)):
            return category, owner
        if _lem(owner) in lex.TOLL_VERBS:
            for child in owner.children:
                if child.dep_ in (*_SUBJECTS, "dobj") and (category := _toll_category(child)):
                    return category, child
    if root.dep_ in ("dobj", "attr", "npadvmod", "acomp") and _lem(head) in lex.TOLL_VERBS:
        for child in head.children:
            if child.dep_ in _SUBJECTS and (category := _toll_category(child)):
                return category, child
    return None


def _among_rule(role: Token) -> tuple[str, Token] | None:
    """"Among the dead were two children", "the dead include two children": a subset of a total."""
    if role.dep_ not in (*_SUBJECTS, "attr", "dobj"):
        return None
    verb = role.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "among":
            for pobj in child.children:
                category = lex.NOUNS.get(pobj.lower_) or lex.ADJECTIVES.get(pobj.lower_)
                found = (category, pobj) if category else _noun_category(pobj)
                if pobj.dep_ == "pobj" and found:
                    return found
        if (
            _lem(verb) == "include"
            and role.dep_ == "dobj"
            and child.dep_ in _SUBJECTS
            and (category := lex.NOUNS.get(child.lower_) or lex.ADJECTIVES.get(child.lower_))
        ):
            return category, child
    return None


_SKIPPABLE = frozenset({"AUX", "ADV", "PART"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})


def _linear_after(doc: Doc, pos: int, stop: int, noun: Token | None) -> tuple[str, Token] | None:
    """Word order when the parse fails: "150 people were wounded", "seven injured"."""
    j = pos
    while j < stop and doc[j].pos_ in _SKIPPABLE and doc[j].lower_ not in lex.ADJECTIVES:
        if doc[j].lower_ in _NEGATIONS:
            return None
        j += 1
    if j >= stop:
        return None
    tok = doc[j]
    lem = _lem(tok)
    category = None
    if tok.lower_ in lex.ADJECTIVES and tok.pos_ in ("ADJ", "VERB"):
        category = lex.ADJECTIVES[tok.lower_]
    elif tok.pos_ == "VERB" and lem in lex.TRANSITIVE_VERBS and not any(c.dep_ == "dobj" for c in tok.children):
        category = lex.TRANSITIVE_VERBS[lem]
        if lem in lex.PERSON_OBJECT_VERBS and noun is not None and not _is_person(noun):
            category = None
    elif tok.pos_ == "VERB" and lem in lex.INTRANSITIVE_VERBS:
        category = lex.INTRANSITIVE_VERBS[lem]
    return (_combine(tok, category), tok) if category else None


def _linear_before(doc: Doc, amount: _Amount, sent: Span, noun: Token | None) -> tuple[str, Token] | None:
    """"killing at least 12", "wounded 7 others": an active casualty verb right before the number."""
    if amount.start <= sent.start:
        return None
    tok = doc[amount.start - 1]
    lem = _lem(tok)
    if tok.pos_ != "VERB" or lem not in lex.TRANSITIVE_VERBS or (tok.tag_ == "VBN" and _passive(tok)):
        return None
    if lem in lex.PERSON_OBJECT_VERBS and (noun is None or not _is_person(noun)):
        return None
    return _combine(tok, lex.TRANSITIVE_VERBS[lem]), tok


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


# --- drafts --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    """A figure under construction; becomes a :class:`Figure` once ids are known."""

    type: str
    amount: _Amount
    sent_index: int
    root: Token  # the number's syntactic head
    role: Token  # the token that fills the number's slot: the counted noun or the number
    noun: Token | None = None
    trigger: Token | None = None
    category: str | None = None
    group: str | None = None
    unit: str | None = None
    si_value: float | None = None
    si_unit: str | None = None
    span_end: int = 0  # one past the last token of the figure's phrase
    subset_of: _Draft | None = None
    parent_hint: str | None = None  # "previous": part of the last casualty figure ("among the dead")
    source: str | None = None
    owner: Token | None = None  # "the government's count of 52": the count's owner is its source
    location: str | None = None


def _number_root(doc: Doc, amount: _Amount) -> Token:
    tokens = [doc[k] for k in range(amount.num_start, amount.end)]
    outside = [t for t in tokens if not amount.num_start <= t.head.i < amount.end or t.head.i == t.i]
    return outside[-1] if outside else tokens[-1]


def _partitive(root: Token, amount: _Amount) -> Token | None:
    """The object of "of" in "two of the soldiers", "nearly 40 of the 64 wounded"."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == amount.end:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _counted_noun(doc: Doc, amount: _Amount, root: Token, stop: int) -> Token | None:
    head = root.head
    if root.dep_ in ("nummod", "compound", "quantmod", "nmod", "amod") and head.i >= amount.end and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return head
    part = _partitive(root, amount)
    if part is not None and part.pos_ in ("NOUN", "PROPN") and part.lower_ not in lex.SUBSET_PRONOUNS:
        return part
    # word order: up to two modifiers, then the noun ("between 10-15 people" when the parse splits it)
    j = amount.end
    while j < stop and j < amount.end + 3 and doc[j].pos_ in ("ADJ", "NOUN", "PROPN"):
        if doc[j].pos_ in ("NOUN", "PROPN") and (j + 1 >= stop or doc[j + 1].pos_ not in ("NOUN", "PROPN")):
            return doc[j]
        j += 1
    return None


def _group_text(doc: Doc, amount: _Amount, noun: Token | None, role: Token) -> str | None:
    if noun is None:
        if role.dep_ in _SUBJECTS and _lem(role.head) == "be":
            for child in role.head.children:
                if child.dep_ == "attr" and child.pos_ in ("NOUN", "PROPN"):
                    return _phrase(doc, child)
        return None
    if lex.NOUNS.get(_lem(noun)) and not _is_person(noun):
        return None
    return _phrase(doc, noun, after=amount.end if noun.i >= amount.end else None)


def _phrase(doc: Doc, noun: Token, *, after: int | None = None) -> str:
    """The noun with its left modifiers ("cruise missiles", "Palestinian civilians"), no determiners."""
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod") and (after is None or child.i >= after):
            start = min(start, child.left_edge.i if after is None or child.left_edge.i >= after else child.i)
    while start < noun.i and (doc[start].pos_ in ("DET", "PUNCT", "NUM") or doc[start].is_punct):
        start += 1
    return doc[start : noun.i + 1].text


def _covering(drafts: Sequence[_Draft], token: Token) -> _Draft | None:
    """The figure whose number, noun or casualty word is ``token``."""
    for other in reversed(drafts):
        if token in (other.root, other.noun, other.trigger, other.role):
            return other
    return None


def _previous_casualty(
    drafts: Sequence[_Draft], sent_index: int, *, category: str | None = None, reach: int = 1,
    at_most: float | None = None,
) -> _Draft | None:
    """The last casualty figure (not a subset) at most ``reach`` sentences back, of ``category``
    when given and, with ``at_most``, not smaller than it (a part is never larger than its whole)."""
    for other in reversed(drafts):
        if other.sent_index < sent_index - reach:
            break
        if other.type != "casualty" or other.subset_of is not None or category not in (None, other.category):
            continue
        total = other.amount.value if other.amount.value is not None else other.amount.high
        if at_most is not None and total is not None and total < at_most:
            continue
        return other
    return None


def _ellipsis(doc: Doc, draft: _Draft, sent: Span) -> bool:
    """A bare number that restates the figure before it: "up from 31", "the 17 reported by ..."."""
    if draft.noun is not None or _is_single_word_one(doc, draft.amount):
        return False
    start = draft.amount.start
    for cue in lex.ELLIPSIS_CUES:
        n = len(cue)
        if start - n >= sent.start and tuple(t.lower_ for t in doc[start - n : start]) == cue:
            return True
    return False


def _classify_casualty(doc: Doc, draft: _Draft, sent: Span, previous: Sequence[_Draft]) -> tuple[str, Token] | None:
    role, root, noun, amount = draft.role, draft.root, draft.noun, draft.amount
    # 0. a part of a casualty figure: "nearly 40 of the 64 wounded", "three of those bodies"
    part = _partitive(root, amount)
    if part is not None:
        holder = _covering(previous, part)
        if holder is not None and holder.type == "casualty":
            draft.subset_of = holder
            return holder.category or lex.KILLED, holder.trigger or holder.root
        category = lex.NOUNS.get(_lem(part)) or lex.NOUNS.get(part.lower_) or lex.ADJECTIVES.get(part.lower_)
        if category:
            draft.parent_hint = "previous"
            return category, part
    # 1. the number (or its noun) fills a slot of a casualty predicate
    if role.dep_ in (*_SUBJECTS, "dobj") and (category := _predicate_category(role.head, role.dep_, noun)):
        return category, role.head
    # 2. casualty words on the number or its noun: "12 dead", "40 deaths", "people killed"
    if root.head.i != root.i and root.dep_ in ("nummod", "npadvmod", "quantmod", "compound", "amod", "nsubj"):
        word = root.head
        category = lex.ADJECTIVES.get(word.lower_) or lex.NOUNS.get(_lem(word)) or lex.NOUNS.get(word.lower_)
        if category and word.i >= amount.end:
            return _combine(word, category), word
    if noun is not None and (found := _noun_category(noun)):
        return found
    # 3. tolls; a toll noun with no modifier counts what the last casualty figure counted
    if found := _toll_rule(root):
        category, toll = found
        if category == _INHERIT:
            last = _previous_casualty(previous, draft.sent_index)
            if last is None or last.category is None:
                return None
            category = last.category
        draft.owner = next((c for c in toll.children if c.dep_ == "poss"), None)
        return category, toll
    # 4. "among the dead were ..."
    if found := _among_rule(role):
        draft.parent_hint = "previous"
        return found
    # 5. word order, for when the parse fails
    pos = max(amount.end, noun.i + 1 if noun is not None and noun.i >= amount.end else amount.end)
    if found := _linear_after(doc, pos, sent.end, noun):
        return found
    if found := _linear_before(doc, amount, sent, noun):
        return found
    # 6. "taken prisoner along with 12 others": a companion shares the predicate
    if role.dep_ == "pobj" and role.head.lower_ == "with":
        verb = role.head.head
        if verb.pos_ == "ADP":  # "along with"
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and (category := _predicate_category(verb, subject.dep_, None)):
            return category, verb
    # 7. a conjunct shares the slot of the first one: "five soldiers and two civilians were killed"
    first = _conj_root(role)
    if first is not role and first.dep_ in (*_SUBJECTS, "dobj"):
        category = _predicate_category(first.head, first.dep_, noun)
        if category:
            return category, first.head
    # 8. a bare number restating the last figure: "up from 31", "and the 17 reported by ..."
    if _ellipsis(doc, draft, sent):
        last = _previous_casualty(previous, draft.sent_index)
        if last is not None and last.sent_index == draft.sent_index and last.category:
            draft.group = last.group
            return last.category, root
    return None


def _conj_root(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i < token.i and token.head.pos_ in _NOMINAL:
        token = token.head
    return token


def _among_them(role: Token) -> bool:
    """"among them two children", "among them were two children", "two of whom"."""
    for holder in (role, role.head):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in ("among", "of") and any(
                g.lower_ in lex.SUBSET_PRONOUNS for g in c.children
            ):
                return True
    return False


def _smaller(part: _Draft, whole: _Draft) -> bool:
    """A part is smaller than its whole: "19 died, among them two firefighters" makes 2, not 19, a part."""
    size = part.amount.value if part.amount.value is not None else part.amount.low
    total = whole.amount.value if whole.amount.value is not None else whole.amount.high
    return size is None or total is None or size < total


def _link_subsets(drafts: list[_Draft], sentences: Sequence[Span]) -> None:
    """Attach subsets: "including two children", "two of whom were children", "among them"."""
    for index, d in enumerate(drafts):
        if d.subset_of is not None or d.type not in ("casualty", "count", "none"):
            continue
        part = _partitive(d.root, d.amount)  # "nearly 40 of the 64 wounded": the whole comes later
        holder = _covering(drafts[index + 1 :], part) if part is not None else None
        if holder is not None and holder.type == "casualty":
            d.subset_of, d.type, d.category = holder, "casualty", holder.category
            d.trigger = d.trigger or holder.trigger
            continue
        earlier = drafts[:index]
        doc = d.root.doc
        sent = sentences[d.sent_index]
        # a figure with a casualty predicate of its own stands alone even when the parse makes it
        # a conjunct of a subset ("including two children, and 150 people were wounded")
        role = d.role if d.type == "casualty" and d.parent_hint is None else _conj_root(d.role)
        prev = doc[d.amount.start - 1] if d.amount.start > sent.start else None
        parent: _Draft | None = None
        if d.parent_hint == "previous":  # "among the dead were ...": the last total of that kind
            size = d.amount.value if d.amount.value is not None else d.amount.low
            parent = _previous_casualty(earlier, d.sent_index, category=d.category, reach=len(sentences), at_most=size)
        elif role.dep_ == "pobj" and role.head.lower_ in lex.SUBSET_PREPOSITIONS:
            holder = _covering(earlier, role.head.head)
            parent = holder if holder is not None and holder.type in ("casualty", "count") else None
            parent = parent or _previous_casualty(earlier, d.sent_index)
        elif (prev is not None and prev.lower_ in lex.SUBSET_PREPOSITIONS) or _among_them(role) or _among_them(d.root):
            parent = _previous_casualty(earlier, d.sent_index)
        if parent is None or parent.type not in ("casualty", "count") or not _smaller(d, parent):
            continue
        d.subset_of = parent
        if parent.type == "casualty" and d.type != "casualty":
            d.type, d.category = "casualty", parent.category
        elif d.type == "none":
            d.type = parent.type


# --- sources -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Attribution:
    name: str | None
    cue: Token
    scope: tuple[int, int]  # token range it governs
    exclude: tuple[int, int]  # the speaker's own tokens
    quoted: bool
    tier: int  # 0: speech ("said", "according to"); 1: evidence ("counted", "estimated")
    named: bool = False  # an evidence verb whose subject names a body of its own ("the Tessaline ministry")


class _Names:
    """Turns the noun phrase of a speaker into a canonical name, with the article's entities."""

    def __init__(self, doc: Doc, entities: EntityIndex) -> None:
        self.doc = doc
        self.entities = entities
        self.mentions: list[Mention] = entities.mentions()
        self.starts = [m.start for m in self.mentions]

    def mention_at(self, token: Token) -> Mention | None:
        k = bisect_right(self.starts, token.idx) - 1
        while k >= 0 and self.mentions[k].start > token.idx - 200:
            m = self.mentions[k]
            if m.start <= token.idx < m.end:
                return m
            k -= 1
        return None

    def last_before(self, char: int, labels: frozenset[str], *, word: str | None = None) -> Mention | None:
        k = bisect_right(self.starts, char) - 1
        while k >= 0:
            m = self.mentions[k]
            if m.label in labels and m.end <= char and (word is None or word in m.name.lower().split()):
                return m
            k -= 1
        return None

    def person_before(self, pronoun: Token) -> str | None:
        """"he"/"she": the person who is the subject of the sentence before, else the last person named.

        The small model misses some names; a proper-noun subject of the previous sentence that is
        no place or organisation counts as a person ("Governor Hanne Solvik ... disputed that.
        She said ...").
        """
        sent = pronoun.sent
        if sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            for tok in previous:
                if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.head.i == tok.head.head.i:
                    mention = self.mention_at(tok)
                    titled = any(c.lower_.rstrip(".") in TITLE_WORDS for c in tok.lefts)  # "Governor X"
                    if mention is not None and (mention.label == "PERSON" or titled):
                        return mention.name
                    if mention is None and (tok.ent_type_ in ("", "PERSON") or titled):
                        return _speaker_phrase(self.doc, tok, titles=False)
        found = self.last_before(pronoun.idx, frozenset({"PERSON"}))
        return found.name if found else None

    def name(self, head: Token) -> str | None:
        low = head.lower_
        if head.lower_ in ("who", "which", "that") and head.head.dep_ in ("relcl", "acl"):
            return self.name(head.head.head)  # "the service, which had given a toll of 12"
        if head.pos_ == "PRON" or low in lex.PERSON_PRONOUNS | lex.ORG_PRONOUNS:
            if low in lex.PERSON_PRONOUNS:
                return self.person_before(head)
            if low in lex.ORG_PRONOUNS:
                found = self.last_before(head.idx, frozenset({"ORG"}))
                return found.name if found else None
            return None
        for child in head.children:  # "the town's mayor, Lena Hradec"
            if child.dep_ == "appos" and (m := self.mention_at(child)) and m.label in ("PERSON", "ORG"):
                return m.name
        lem = _lem(head)
        if lem in lex.PROXY_NOUNS or lem in lex.MEMBER_NOUNS:
            for child in head.children:
                if child.dep_ == "poss" and lem in lex.PROXY_NOUNS:
                    return self.name(child)
                if child.dep_ == "prep" and child.lower_ in lex.PROXY_PREPOSITIONS:
                    for pobj in child.children:
                        if pobj.dep_ != "pobj":
                            continue
                        if lem in lex.PROXY_NOUNS:
                            return self.name(pobj)
                        if (m := self.mention_at(pobj)) and m.label == "ORG":
                            return m.name
        mention = self.mention_at(head)
        if mention is None and lem in lex.PROXY_NOUNS:  # "a Defense Ministry statement"
            for child in head.lefts:
                if child.dep_ in ("compound", "nmod", "poss") and (m := self.mention_at(child)) and m.label == "ORG":
                    mention = m
        if mention is not None and mention.label != "NORP":
            return mention.name
        phrase = _speaker_phrase(self.doc, head)
        if head.pos_ == "NOUN" and phrase.lower().split()[-1:] == [low]:
            found = self.last_before(head.idx, frozenset({"ORG"}), word=low)
            words = phrase.lower().split()
            if found is not None and all(w in found.name.lower() for w in words):
                return found.name
        canonical = self.entities.canonical(phrase)
        return canonical or phrase


def _speaker_phrase(doc: Doc, head: Token, *, titles: bool = True) -> str:
    """The head with its left modifiers, no determiner ("local officials"); ``titles=False`` also
    drops titles and ranks before a name ("Governor Hanne Solvik" -> "Hanne Solvik")."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "det", "case"):
            start = min(start, child.left_edge.i)
    while start < head.i and (
        doc[start].lower_ in ("the", "a", "an") or (not titles and doc[start].lower_.rstrip(".") in TITLE_WORDS)
    ):
        start += 1
    return doc[start : head.i + 1].text


def _quoted_chars(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTES.finditer(text)]


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
        if verb.dep_ != "conj" or not (_lem(head) in lex.SPEECH_VERBS or _lem(head) in lex.EVIDENCE_VERBS):
            return None
        verb = head
    return None


def _attributions(sent: Span, names: _Names, quotes: Sequence[tuple[int, int]]) -> list[_Attribution]:
    found: list[_Attribution] = []
    doc = sent.doc
    for tok in sent:
        lem = _lem(tok)
        if tok.lower_ == lex.ACCORDING_TO[0] and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == lex.ACCORDING_TO[1]:
            pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                clause = _clause_of(tok)
                scope_head = clause if clause.dep_ in ("relcl", "acl") else sent.root
                span = (tok.i, pobj.right_edge.i + 1)
                found.append(_make(sent, names.name(pobj), tok, scope_head, span, quotes, tier=0))
        elif tok.lower_ in lex.CITING and tok.dep_ in ("advcl", "prep", "xcomp"):
            pobj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
            if pobj is not None:
                span = (tok.i, pobj.right_edge.i + 1)
                found.append(_make(sent, names.name(pobj), tok, _clause_of(tok), span, quotes, tier=0))
        elif tok.pos_ == "VERB" and (lem in lex.SPEECH_VERBS or lem in lex.EVIDENCE_VERBS):
            subject = _reporting_subject(tok)
            if subject is None:
                continue
            if tok.dep_ == "parataxis":  # "..., officials said, ..." governs the whole sentence
                scope_head = sent.root
            elif tok.dep_ == "acl":  # "the 21 dead announced by officials"
                scope_head = tok.head
            else:
                scope_head = tok
            span = (subject.left_edge.i, subject.right_edge.i + 1)
            tier = 0 if lem in lex.SPEECH_VERBS else 1
            found.append(_make(sent, names.name(subject), tok, scope_head, span, quotes, tier=tier,
                               named=tier == 1 and _named_subject(subject)))
    return found


def _named_subject(subject: Token) -> bool:
    """A subject that names a body of its own ("the Tessaline foreign ministry"), not a part of the
    speaker's ("its team") or a common noun ("the count")."""
    words = list(subject.subtree)
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for t in words) and not any(
        t.tag_ == "PRP$" or t.pos_ == "PRON" for t in words
    )


def _clause_of(token: Token) -> Token:
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _make(
    sent: Span, name: str | None, cue: Token, scope_head: Token, exclude: tuple[int, int],
    quotes: Sequence[tuple[int, int]], *, tier: int, named: bool = False,
) -> _Attribution:
    if scope_head.i == sent.root.i or scope_head.head.i == scope_head.i:
        scope = (sent.start, sent.end)
    else:
        scope = (scope_head.left_edge.i, scope_head.right_edge.i + 1)
    words = [t for t in sent.doc[scope[0] : scope[1]] if t.is_alpha and not exclude[0] <= t.i < exclude[1]]
    inside = sum(any(a <= t.idx < b for a, b in quotes) for t in words)
    return _Attribution(name, cue, scope, exclude, quoted=bool(words) and inside * 2 > len(words), tier=tier,
                        named=named)


def _governing(attrs: Sequence[_Attribution], anchor: int) -> _Attribution | None:
    """The innermost speech attribution over ``anchor``; an evidence verb only when no speech verb
    governs, or when it sits inside the speech verb's clause with a subject that names a body of its
    own ("X said ..., while the Tessaline ministry put the toll at 22")."""
    governing = [
        a for a in attrs if a.scope[0] <= anchor < a.scope[1] and not a.exclude[0] <= anchor < a.exclude[1]
    ]
    if not governing:
        return None
    best = min(governing, key=lambda a: (a.tier, a.scope[1] - a.scope[0], abs(a.cue.i - anchor)))
    inner = [a for a in governing if a.named and a.scope != best.scope and a.exclude[0] <= anchor
             and best.scope[0] <= a.scope[0] and a.scope[1] <= best.scope[1]]
    return min(inner, key=lambda a: a.scope[1] - a.scope[0]) if inner else best


def _paragraph_breaks(doc: Doc, sentences: Sequence[Span]) -> list[bool]:
    """For each sentence, True when a line break separates it from the sentence before."""
    breaks = [True]
    for prev in sentences[:-1]:
        last = doc[prev.end - 1]
        breaks.append("\n" in last.text or "\n" in last.whitespace_ or "\n" in prev.text)
    return breaks


# --- locations -----------------------------------------------------------------------------------


def _attached_to(prep: Token, targets: set[int]) -> bool:
    """True when a preposition hangs from one of ``targets``, directly or through one noun phrase."""
    head = prep.head
    for _ in range(3):
        if head.i in targets:
            return True
        if head.dep_ not in ("pobj", "prep", "compound", "appos"):
            return False
        head = head.head
    return False


def _location(draft: _Draft, sent: Span, names: _Names, avoid: Sequence[tuple[int, int]]) -> str | None:
    targets = {t.i for t in (draft.trigger, draft.root, draft.noun, draft.role) if t is not None}
    if draft.trigger is not None and draft.trigger.pos_ in ("NOUN", "ADJ"):
        targets.add(draft.trigger.head.i)
    anchor = (draft.trigger or draft.root).i
    best: tuple[int, str] | None = None
    for tok in sent:
        if tok.dep_ != "pobj" or tok.head.lower_ not in lex.LOCATION_PREPOSITIONS or tok.pos_ != "PROPN":
            continue
        if any(a <= tok.i < b for a, b in avoid) or not _attached_to(tok.head, targets):
            continue
        mention = names.mention_at(tok)
        if mention is not None:
            if mention.label not in lex.LOCATION_LABELS:
                continue
            name = mention.name
        elif tok.ent_type_ in ("", "GPE", "LOC", "FAC", "LANGUAGE"):
            name = _speaker_phrase(sent.doc, tok)
        else:
            continue
        distance = abs(tok.i - anchor)
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


# --- dates ---------------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+(?:[.'’-][a-z0-9]+)*\.?")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")


@lru_cache(maxsize=16)
def _date_parser(base: date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
        "PARSERS": ["relative-time", "absolute-time"],
        "REQUIRE_PARTS": [],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime.combine(base, datetime.min.time())
    return DateDataParser(languages=["en"], settings=settings)


def _date_words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def date_kind(text: str) -> Literal["date", "duration", "other"]:
    """Whether a DATE span names a point in time, a duration ("two years") or neither ("12-year-old").

    It reads words only, so it cannot tell "the 1990s" (an era) from a date; eras count as dates.
    """
    words = _date_words(text)
    if not words or any(w in lex.NOT_DATES or w.endswith("-old") for w in words):
        return "other"
    has_number = any((w[0].isdigit() and not _YEAR.match(w)) or w in _NUMBER_WORDS for w in words)
    has_unit = any(w in lex.TIME_UNITS for w in words)
    if has_number and has_unit and not any(w in lex.DURATION_ANCHORS for w in words):
        return "duration"
    if any(w in lex.MONTHS or w in lex.WEEKDAYS or _YEAR.match(w) or w in lex.RELATIVE_DATE_WORDS for w in words):
        return "date"
    if has_unit:
        return "duration"
    return "other"


_NUMBER_WORDS = frozenset(
    "a an one two three four five six seven eight nine ten eleven twelve several few many dozen".split()
)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: date | None) -> tuple[str | None, str | None]:
    """ISO date (first day of the period) and precision for a date phrase, or (None, None).

    Relative phrases ("on Tuesday", "last month", "over the weekend") need ``published``; without
    it only phrases that carry their own year resolve. Cached per (text, published date).
    """
    words = _date_words(text)
    while words and words[0] in lex.DATE_EDGE_WORDS:
        words = words[1:]
    while words and words[-1] in lex.DATE_EDGE_WORDS:
        words = words[:-1]
    words = [lex.DATE_REWRITES.get(w, w) for w in words]
    if not words:
        return None, None
    relative = any(w in lex.RELATIVE_DATE_WORDS for w in words) or not any(_YEAR.match(w) for w in words)
    if relative and published is None:
        return None, None
    # "March last year": dateparser needs the year spelled out
    if len(words) > 2 and words[-1] == "year" and words[-2] in ("last", "this", "next") and published is not None:
        shift = {"last": -1, "this": 0, "next": 1}[words[-2]]
        words = [*words[:-2], str(published.year + shift)]
    data = _date_parser(published).get_date_data(" ".join(words))
    if data is None or data.date_obj is None or data.period not in ("day", "week", "month", "year"):
        return None, None
    day = data.date_obj.date()
    if data.period == "week":
        day -= timedelta(days=day.weekday())
    elif data.period == "month":
        day = day.replace(day=1)
    elif data.period == "year":
        day = day.replace(month=1, day=1)
    return day.isoformat(), data.period


# --- assembly ------------------------------------------------------------------------------------


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


def _finite(amount: _Amount) -> bool:
    """False for a number beyond what a float holds ("1" followed by 400 zeros): it is no figure."""
    return all(math.isfinite(x) for x in (amount.value, amount.low, amount.high) if x is not None)


def _iter_amounts(doc: Doc, sentences: Sequence[Span], text: str) -> Iterator[tuple[int, _Amount]]:
    phones = _phone_spans(text)
    for index, sent in enumerate(sentences):
        i = sent.start
        while i < sent.end:
            amount = _read_amount(doc, i, sent) if _may_start_number(doc[i]) else None
            if amount is None:
                i += 1
                continue
            if not _excluded(doc, amount, sent, phones) and _finite(amount):
                yield index, amount
            i = amount.end


def _classify(doc: Doc, index: int, amount: _Amount, sent: Span, previous: Sequence[_Draft]) -> _Draft:
    root = _number_root(doc, amount)
    noun = _counted_noun(doc, amount, root, sent.end)
    role = noun if noun is not None and root.head.i == noun.i else root
    draft = _Draft(type="none", amount=amount, sent_index=index, root=root, role=role, noun=noun,
                   span_end=amount.end)
    in_money = any(t.ent_type_ == "MONEY" for t in doc[amount.num_start : amount.end])
    if (end := _percent_after(doc, amount.end, sent.end)) is not None:
        draft.type, draft.unit, draft.span_end, draft.noun = "percent", "%", end, None
        return draft
    currency = _currency_after(doc, amount.end, sent.end, in_money=in_money or amount.currency is not None)
    if amount.currency is not None or currency is not None:
        draft.type, draft.noun = "money", None
        draft.unit = amount.currency or (currency[1] if currency else None)
        draft.span_end = currency[0] if currency else amount.end
        return draft
    if (unit := _unit_after(doc, amount.end, sent.end)) is not None:
        end, (symbol, factor, si_symbol) = unit
        draft.type, draft.unit, draft.span_end, draft.noun = "quantity", symbol, end, None
        base = amount.value if amount.value is not None else amount.low
        si_value = None if base is None else base * factor
        draft.si_value = si_value if si_value is not None and math.isfinite(si_value) else None
        draft.si_unit = si_symbol
        return draft
    if found := _classify_casualty(doc, draft, sent, previous):
        draft.type, (draft.category, draft.trigger) = "casualty", found
        draft.group = draft.group or _group_text(doc, amount, noun, role)
        return draft
    draft.group = _group_text(doc, amount, noun, role)
    if noun is not None and noun.lower_ not in lex.NOT_COUNTED and not _is_single_word_one(doc, amount):
        draft.type = "count"
    return draft


def _is_single_word_one(doc: Doc, amount: _Amount) -> bool:
    return amount.end - amount.num_start == 1 and doc[amount.num_start].lower_ in ("one", "a", "an")


def _span_of(draft: _Draft) -> tuple[int, int]:
    doc = draft.root.doc
    tokens = [draft.amount.start, draft.span_end - 1]
    if draft.noun is not None:
        tokens.append(draft.noun.i)
    trigger = draft.trigger
    if trigger is not None and trigger.sent == draft.root.sent and abs(trigger.i - draft.root.i) < 40:
        tokens.append(trigger.i)
        if _lem(trigger) in lex.TOLL_NOUNS:
            tokens.extend(c.i for c in trigger.lefts if c.dep_ in ("compound", "amod", "nmod"))
        tokens.extend(_predicate_tail(trigger, draft))
    qualifier = draft.amount.qualifier
    end = draft.amount.end
    if qualifier and end + 2 <= len(doc) and doc[end : end + 2].text.lower() == qualifier:  # "12 or more"
        tokens.append(end + 1)
    return min(tokens), max(tokens) + 1


def _predicate_tail(trigger: Token, draft: _Draft) -> Iterator[int]:
    """Words that complete a casualty predicate: "shot dead", "lost their lives", "killed or wounded",
    "remain in captivity"."""
    lem = _lem(trigger)
    for child in trigger.rights:
        near = child.i - trigger.i <= lex.COMBINED_MAX_GAP + 2
        if (child.dep_ in ("prt", "oprd", "acomp") and near and child.i >= draft.amount.end) or (
            child.dep_ == "dobj" and (lem, _lem(child)) in lex.VERB_OBJECT_PHRASES
        ) or (draft.category == lex.CASUALTIES and child.dep_ == "conj" and _bare_conjunct(child, trigger)):
            yield child.i
        elif child.dep_ == "prep" and near:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and (lem, child.lower_, _lem(obj)) in lex.VERB_PREP_PHRASES:
                    yield obj.i


def _attach_sources(drafts: Sequence[_Draft], sentences: Sequence[Span], names: _Names, doc: Doc, text: str) -> None:
    quotes = _quoted_chars(text)
    breaks = _paragraph_breaks(doc, sentences)
    cache: dict[int, list[_Attribution]] = {}

    def attrs_of(k: int) -> list[_Attribution]:
        if k not in cache:
            cache[k] = _attributions(sentences[k], names, quotes)
        return cache[k]

    for d in drafts:
        own = attrs_of(d.sent_index)
        if d.owner is not None:  # "the government's count of 52"
            d.source = names.name(d.owner)
        else:
            governing = _governing(own, (d.trigger or d.root).i if d.type == "casualty" else d.root.i)
            if governing is not None:
                d.source = governing.name
            elif not own and d.sent_index > 0 and not breaks[d.sent_index]:
                carried = [a for a in attrs_of(d.sent_index - 1) if not a.quoted and a.name]
                if carried:
                    d.source = max(carried, key=lambda a: a.cue.i).name
        if d.type in ("casualty", "count"):
            d.location = _location(d, sentences[d.sent_index], names, [a.exclude for a in own])
    for d in drafts:
        if d.source is None and d.subset_of is not None:
            d.source = d.subset_of.source


def extract_figures(doc: Doc, *, entities: EntityIndex, published: date | None = None) -> list[Figure]:
    """Find every figure in a parsed article: casualties, quantities, money, percentages, counts, dates.

    Args:
        doc: the parsed article (dependency parse and entities; hand-built Docs work when they
            carry heads, deps, POS tags, tags and lemmas).
        entities: the article's entity index, used to name sources and locations.
        published: the publication date, the base for relative dates ("on Tuesday").

    Returns:
        Figures in text order with ids "f0", "f1", ...

    It cannot link a subset across sentences without a cue ("Four were killed. Two were
    children." gives no subset; "Among them were two children" does), cannot tell which of two
    events a number belongs to, and reads only English. Without ``published`` relative dates
    keep ``iso`` None.
    """
    sentences = _sentences(doc)
    drafts: list[_Draft] = []
    text = doc_text(doc)
    for index, amount in _iter_amounts(doc, sentences, text):
        drafts.append(_classify(doc, index, amount, sentences[index], drafts))
    _link_subsets(drafts, sentences)
    drafts = [d for d in drafts if d.type != "none"]
    _attach_sources(drafts, sentences, _Names(doc, entities), doc, text)

    records: list[tuple[int, int, _Draft | Span]] = []
    for d in drafts:
        a, b = _span_of(d)
        records.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), d))
    taken = [(s, e) for s, e, _ in records]
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        if date_kind(ent.text) == "date":
            records.append((ent.start_char, ent.end_char, ent))
    records.sort(key=lambda r: (r[0], r[1]))

    ids = {id(item): f"f{k}" for k, (_, _, item) in enumerate(records)}
    sentence_starts = [sent.start for sent in sentences]
    figures: list[Figure] = []
    for k, (start, end, item) in enumerate(records):
        if isinstance(item, Span):
            iso, precision = resolve_date(item.text, published)
            sent = sentences[bisect_right(sentence_starts, item.start) - 1]
            figures.append(
                Figure(id=f"f{k}", type="date", text=item.text, start=start, end=end,
                       sentence_start=sent.start_char, sentence_end=sent.end_char,
                       iso=iso, precision=precision)
            )
            continue
        sent = sentences[item.sent_index]
        amount = item.amount
        number = doc[amount.num_start : amount.end]
        figures.append(
            Figure(
                id=f"f{k}", type=cast(FigureType, item.type), text=text[start:end], start=start, end=end,
                sentence_start=sent.start_char, sentence_end=sent.end_char, category=item.category,
                value=amount.value, low=amount.low, high=amount.high, qualifier=amount.qualifier,
                unit=item.unit, si_value=item.si_value, si_unit=item.si_unit, group=item.group,
                subset_of=ids.get(id(item.subset_of)) if item.subset_of is not None else None,
                source=item.source, location=item.location,
                number_start=number.start_char, number_end=number.end_char,
            )
        )
    return figures
