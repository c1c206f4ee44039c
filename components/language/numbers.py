"""Numbers as written, read into amounts: digits, number words, ranges, vague amounts, qualifiers, units.

Every number is read into an :class:`Amount`: digits ("1,200", "1.5 million"), number words
through ``text2num`` ("four", "twenty-one", "one hundred and fifty"), multipliers ("two dozen"),
vague amounts ("dozens"), ranges ("between 10 and 15", "59 or 60", "10-15") and the qualifier
around it ("more than", "at least", "or so"). Numbers that belong to dates, times, ages,
durations, ordinals, identifiers ("Article 5", "F-16") or phone numbers are dropped here
(:func:`iter_amounts`), so nothing later can count them. Units (pint), currencies and percent
signs after a number are read here too.

Values. ``value`` is the number as stated (None for ranges and vague amounts). ``low`` and
``high`` are the bounds the statement sets: an exact number sets both ("four": 4..4), "more
than"/"at least" set ``low``, "up to"/"nearly" set ``high``, "about" sets neither (the number is
approximate), a range sets both ("59 or 60": 59..60) and a vague amount sets what its lexicon
entry says ("dozens": low 24).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from components.language.lexicon import figures as lex

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGIT_RANGE = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)[-–—]((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$")
_DIGIT_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|mn|m|k|tn)$", re.IGNORECASE)
_PHONE = re.compile(
    r"\+\d[\d\s().-]{6,}\d|\(\d{2,4}\)\s?\d{3,4}[\s.-]?\d{3,4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b|\b\d{3}[.-]\d{4}\b"
)
_SCALES = tuple(lex.SCALE_WORDS)
SUBJECTS = ("nsubj", "nsubjpass")
NOMINAL = ("NOUN", "PROPN", "NUM", "PRON")


@dataclass(frozen=True, slots=True)
class Number:
    value: float | None
    low: float | None
    high: float | None
    end: int
    vague: str | None = None  # the words of a vague amount as written: "dozens", "scores of"


@dataclass(frozen=True, slots=True)
class Amount:
    start: int  # first token, qualifier and currency symbol included
    num_start: int  # first token of the number itself
    end: int  # one past the last token of the number
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None = None  # its one name: "over" and "more than" are both "more than"
    currency: str | None = None  # from a symbol before the number
    trailing: bool = False  # the qualifier follows the number ("12 or more")
    vague: str | None = None  # a vague amount's words: "dozens"
    increment: bool = False  # "two more", "another 12": added to a toll, not a toll


def lemma_of(token: Token) -> str:
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


def _read_number(doc: Doc, i: int, stop: int) -> Number | None:
    """Read one number (no qualifier, no range) starting at token ``i``."""
    tok = doc[i]
    if tok.lower_ in _VAGUE_FIRST:
        for n in range(min(lex.VAGUE_MAX_WORDS, stop - i), 0, -1):
            key = tuple(t.lower_ for t in doc[i : i + n])
            if key in lex.VAGUE_AMOUNTS:
                low, high = lex.VAGUE_AMOUNTS[key]
                return Number(None, low, high, i + n, vague=doc[i : i + n].text.lower())
    value: float | None = None
    end = i + 1
    if tok.lower_ in ("a", "an") and i + 1 < stop:
        nxt = doc[i + 1].lower_
        if nxt in lex.MULTIPLIERS:
            value, end = lex.MULTIPLIERS[nxt], i + 2
            return Number(value, value, value, end)
        if nxt in _SCALES:
            value, end = lex.SCALE_WORDS[nxt], i + 2
        else:
            return None
    elif (m := _DIGIT_RANGE.match(tok.text)) is not None:
        low, high = _to_float(m.group(1)), _to_float(m.group(2))
        return Number(None, low, high, end) if low <= high else None  # "15-12" is a score, no range
    elif _DIGITS.match(tok.text):
        value = _to_float(tok.text)
    elif _is_number_word(tok):
        words = _read_words(doc, i, stop)
        if words is None:
            return None
        value, end = words
    else:
        return None
    while end < stop and doc[end].lower_ in lex.SCALE_WORDS:  # "1.5 million", "one trillion", "a hundred thousand"
        value *= lex.SCALE_WORDS[doc[end].lower_]
        end += 1
    if end < stop and doc[end].lower_ in lex.MULTIPLIERS:
        value *= lex.MULTIPLIERS[doc[end].lower_]
        end += 1
    return Number(value, value, value, end)


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
    return prep.lower_ == "from" and lemma_of(prep.head) in lex.CHANGE_VERBS | lex.TOLL_VERBS


def _read_amount(doc: Doc, i: int, sent: Span) -> Amount | None:
    stop = sent.end
    num = _read_number(doc, i, stop)
    if num is None:
        if (m := _DIGIT_SCALE.match(doc[i].text)) and i > sent.start and doc[i - 1].lower_ in lex.CURRENCY_SYMBOLS:
            value = float(m.group(1)) * lex.SCALE_ABBREVIATIONS[m.group(2).lower()]
            num = Number(value, value, value, i + 1)
            return _qualify(doc, sent, i, i, num, scale_abbrev=True)
        return None
    start, end = i, num.end
    if num.vague is None and num.value is not None and end + 1 < stop:
        word = doc[end].lower_
        between = i > sent.start and doc[i - 1].lower_ == lex.BETWEEN_WORDS[0] and word == lex.BETWEEN_WORDS[1]
        if word in lex.RANGE_WORDS or between:
            second = _read_number(doc, end + 1, stop)
            if second is not None and second.vague is None and second.value is not None:
                if word == "to" and i > sent.start and _change_of_count(doc[i - 1]):
                    return None  # the reader reaches the second number on its own
                if num.value <= second.value:  # "15 — 12%" is two numbers, not a range downwards
                    num = Number(None, num.value, second.value, second.end)
                    start = i - 1 if between else i
    return _qualify(doc, sent, start, i, num)


def _qualify(doc: Doc, sent: Span, start: int, num_start: int, num: Number, *, scale_abbrev: bool = False) -> Amount:
    end = num.end
    currency = None
    if start > sent.start and doc[start - 1].lower_ in lex.CURRENCY_SYMBOLS:
        currency = lex.CURRENCY_SYMBOLS[doc[start - 1].lower_]
        start -= 1
    if scale_abbrev or (currency and end < sent.end and doc[end].lower_.rstrip(".") in lex.SCALE_ABBREVIATIONS):
        if not scale_abbrev:
            scale = lex.SCALE_ABBREVIATIONS[doc[end].lower_.rstrip(".")]
            num = Number(*(None if x is None else x * scale for x in (num.value, num.low, num.high)), end + 1)
            end += 1
        scale_abbrev = True
    qualifier, bound = None, None
    for n in range(lex.QUALIFIER_MAX_WORDS, 0, -1):
        if start - n < sent.start:
            continue
        key = tuple(t.lower_ for t in doc[start - n : start])
        if key in lex.QUALIFIERS:
            bound, qualifier = lex.QUALIFIERS[key]
            start -= n
            break
    trailing = False
    if qualifier is None and end + 1 < sent.end:
        key = (doc[end].lower_, doc[end + 1].lower_)
        if key in lex.TRAILING_QUALIFIERS:
            (bound, qualifier), trailing = lex.TRAILING_QUALIFIERS[key], True
    value, low, high = num.value, num.low, num.high
    if value is not None and qualifier is not None:
        low, high = _bounds(value, bound)
    return Amount(start, num_start, end, value, low, high, qualifier, currency, trailing=trailing, vague=num.vague,
                  increment=_is_increment(doc, sent, start, end))


def _is_increment(doc: Doc, sent: Span, start: int, end: int) -> bool:
    """"two more bodies", "hundreds more", "another 12": a number added to a toll (not "more than")."""
    after = doc[end] if end < sent.end else None
    if after is not None and after.lower_ in lex.INCREMENT_AFTER and not (
        end + 1 < sent.end and doc[end + 1].lower_ == "than"
    ):
        return True
    for n in (1, 2):
        if start - n >= sent.start and tuple(t.lower_ for t in doc[start - n : start]) in lex.INCREMENT_BEFORE:
            return True
    return False


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


def _is_year(doc: Doc, amount: Amount, sent: Span) -> bool:
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


def _excluded(doc: Doc, amount: Amount, sent: Span, phones: Sequence[tuple[int, int]]) -> bool:
    """Numbers that are never figures: dates, times, ages, durations, ordinals, identifiers, phones."""
    tokens = doc[amount.num_start : amount.end]
    first = tokens[0]
    start_char, end_char = first.idx, tokens[-1].idx + len(tokens[-1].text)
    if any(t.ent_type_ in ("TIME", "ORDINAL") for t in tokens):
        return True
    if any(a < end_char and start_char < b for a, b in phones):
        return True
    glued_before, glued_after = _glued(doc, amount.num_start, amount.end)
    if glued_before or (glued_after and unit_after(doc, amount.end, sent.end) is None):
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


def unit_after(doc: Doc, end: int, stop: int) -> tuple[int, tuple[str, float, str]] | None:
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


def percent_after(doc: Doc, end: int, stop: int) -> int | None:
    for key in lex.PERCENT_WORDS:
        n = len(key)
        if end + n <= stop and tuple(t.lower_ for t in doc[end : end + n]) == key:
            return end + n
    return None


def currency_after(doc: Doc, end: int, stop: int, *, in_money: bool) -> tuple[int, str] | None:
    j = end
    while j < stop and doc[j].lower_ in _SCALES:
        j += 1
    if j < stop and doc[j].lower_ in lex.CURRENCY_WORDS:
        if doc[j].lower_ in lex.AMBIGUOUS_CURRENCY_WORDS and not in_money:
            return None
        return j + 1, lex.CURRENCY_WORDS[doc[j].lower_]
    return None


def finite(amount: Amount) -> bool:
    """False for a number beyond what a float holds ("1" followed by 400 zeros): it is no figure."""
    return all(math.isfinite(x) for x in (amount.value, amount.low, amount.high) if x is not None)


def iter_amounts(doc: Doc, sentences: Sequence[Span], text: str) -> Iterator[tuple[int, Amount]]:
    phones = _phone_spans(text)
    for index, sent in enumerate(sentences):
        i = sent.start
        while i < sent.end:
            amount = _read_amount(doc, i, sent) if _may_start_number(doc[i]) else None
            if amount is None:
                i += 1
                continue
            if not _excluded(doc, amount, sent, phones) and finite(amount):
                yield index, amount
            i = amount.end


def is_single_word_one(doc: Doc, amount: Amount) -> bool:
    return amount.end - amount.num_start == 1 and doc[amount.num_start].lower_ in ("one", "a", "an")
