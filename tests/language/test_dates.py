"""Date phrases: which DATE spans are dates, and their ISO form against a publication date.

Pure functions of a string and a date, so no model is needed. dateparser is told never to
guess the language and to prefer the past; nothing here reaches the network.
"""

from __future__ import annotations

from datetime import date

import pytest

from components.language.figures import date_kind, resolve_date

WEDNESDAY = date(2024, 6, 26)

RESOLVE_CASES = [
    pytest.param("June 25, 2024", None, ("2024-06-25", "day"), id="absolute-day"),
    pytest.param("25 June 2024", WEDNESDAY, ("2024-06-25", "day"), id="absolute-day-first"),
    pytest.param("May 2022", None, ("2022-05-01", "month"), id="absolute-month"),
    pytest.param("2019", None, ("2019-01-01", "year"), id="absolute-year"),
    pytest.param("Tuesday", WEDNESDAY, ("2024-06-25", "day"), id="weekday-before"),
    pytest.param("on Monday", WEDNESDAY, ("2024-06-24", "day"), id="on-weekday"),
    pytest.param("Sunday", WEDNESDAY, ("2024-06-23", "day"), id="weekday-past-not-future"),
    pytest.param("yesterday", WEDNESDAY, ("2024-06-25", "day"), id="yesterday"),
    pytest.param("three days ago", WEDNESDAY, ("2024-06-23", "day"), id="days-ago"),
    pytest.param("last week", WEDNESDAY, ("2024-06-17", "week"), id="last-week-monday"),
    pytest.param("Earlier last week", WEDNESDAY, ("2024-06-17", "week"), id="earlier-last-week"),
    pytest.param("Last month", WEDNESDAY, ("2024-05-01", "month"), id="last-month"),
    pytest.param("last year", WEDNESDAY, ("2023-01-01", "year"), id="last-year"),
    pytest.param("March last year", WEDNESDAY, ("2023-03-01", "month"), id="month-last-year"),
    pytest.param("March", WEDNESDAY, ("2024-03-01", "month"), id="month-this-year"),
    pytest.param("the weekend", WEDNESDAY, ("2024-06-22", "day"), id="weekend-is-its-saturday"),
    pytest.param("over the weekend", WEDNESDAY, ("2024-06-22", "day"), id="over-the-weekend"),
    pytest.param("this year", WEDNESDAY, ("2024-01-01", "year"), id="this-year"),
    pytest.param("Tuesday", None, (None, None), id="relative-needs-publication"),
    pytest.param("last month", None, (None, None), id="last-month-needs-publication"),
    pytest.param("the 1990s", WEDNESDAY, (None, None), id="decade-unresolved"),
]


@pytest.mark.parametrize(("text", "published", "expected"), RESOLVE_CASES)
def test_resolve_date(text: str, published: date | None, expected: tuple[str | None, str | None]) -> None:
    assert resolve_date(text, published) == expected


KIND_CASES = [
    pytest.param("Tuesday", "date", id="weekday"),
    pytest.param("June 25, 2024", "date", id="absolute"),
    pytest.param("more than a year ago", "date", id="ago"),
    pytest.param("last month", "date", id="last-month"),
    pytest.param("two years", "duration", id="two-years"),
    pytest.param("the past three weeks", "duration", id="past-weeks"),
    pytest.param("12-year-old", "other", id="age"),
    pytest.param("Between 10 and 15", "other", id="mislabelled-amount"),
]


@pytest.mark.parametrize(("text", "kind"), KIND_CASES)
def test_date_kind(text: str, kind: str) -> None:
    assert date_kind(text) == kind


def test_resolution_is_cached_per_text_and_date() -> None:
    resolve_date.cache_clear()
    resolve_date("Tuesday", WEDNESDAY)
    resolve_date("Tuesday", WEDNESDAY)
    resolve_date("Tuesday", date(2024, 7, 3))
    info = resolve_date.cache_info()
    assert (info.hits, info.misses) == (1, 2)
