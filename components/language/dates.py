"""Dates: which DATE spans name a point in time, and their ISO date resolved against the publication date.

``dateparser`` runs with English only and never touches the network.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

from components.language.lexicon import figures as lex

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
