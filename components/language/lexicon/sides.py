"""Word lists for sides: which country or party a word points to.

Keys are lowercase, folded (accents dropped: "elysee" for "Élysée"; the builder's :func:`fold`).
The countries themselves are data in :mod:`components.language.lexicon.countries` (one row per
state, written by hand: display name, names, demonyms, capitals and seats of power); this module
adds the ISO names and official names ``pycountry`` ships (no download: its data is in the
package) and derives, once at import, the lookup tables below. Invented countries in an article
are linked to their demonyms at run time (see components.language.sides), not listed here.
"""

from __future__ import annotations

import re
import unicodedata

import pycountry

from components.language.lexicon.countries import (
    AMBIGUOUS,
    COUNTRY_ROWS,
    EXACT_CASE,
    NO_PLURAL_ENDINGS,
    NOT_SIDES,
    REAL_NON_COUNTRY_WORDS,
    USER_ASSIGNED_CODES,
)

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def fold(text: str) -> str:
    """The lookup form of a word or name: casefolded, accents and a leading "the" dropped,
    curly apostrophes made straight, runs of spaces made one ("The  Élysée" -> "elysee").

    It does not strip a possessive ("Russia's"); callers that read names from text do that.
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _LEADING_ARTICLE.sub("", re.sub(r"\s+", " ", plain).strip().casefold())


def _entries(field: str) -> list[str]:
    return [e.strip() for e in field.split("|") if e.strip()]


def _iso_names(code: str) -> list[str]:
    """ISO 3166 short, official and common names, without the inverted ones ("Korea, Republic of")."""
    if code in USER_ASSIGNED_CODES:
        return []
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise LookupError(f"{code} is not an ISO 3166-1 alpha-3 code")
    names = [getattr(country, field, None) for field in ("name", "official_name", "common_name")]
    return [n for n in names if n and "," not in n and "(" not in n]


def _plural(demonym: str) -> str | None:
    return None if demonym.lower().endswith(NO_PLURAL_ENDINGS) else demonym + "s"


def _build() -> tuple[dict[str, tuple[str, str]], dict[str, str], dict[str, str], list[tuple[str, str, str]]]:
    """(folded key -> (code, kind), code -> display name, folded key -> key as written, conflicts).

    Kinds: "name" (a country's name), "demonym" (a nationality word), "seat" (a capital or seat of
    power). A key that two countries claim is kept for the first and listed as a conflict; a key
    that is ambiguous or no side (``countries.AMBIGUOUS``, ``countries.NOT_SIDES``) is left out.
    """
    phrases: dict[str, tuple[str, str]] = {}
    written: dict[str, str] = {}
    conflicts: list[tuple[str, str, str]] = []
    displays: dict[str, str] = {}
    for code, display, names, demonyms, seats in COUNTRY_ROWS:
        displays[code] = display
        adjectives = _entries(demonyms)
        adjectives += [p for d in adjectives if (p := _plural(d))]
        kinds = (("name", [display, *_entries(names), *_iso_names(code)]), ("demonym", adjectives),
                 ("seat", _entries(seats)))
        for kind, entries in kinds:
            for entry in entries:
                key = fold(entry)
                written.setdefault(key, _LEADING_ARTICLE.sub("", entry))
                if key in AMBIGUOUS or key in NOT_SIDES:
                    continue
                if key in phrases and phrases[key][0] != code:
                    conflicts.append((key, phrases[key][0], code))
                    continue
                phrases.setdefault(key, (code, kind))
    for key in (*AMBIGUOUS, *NOT_SIDES):
        written.setdefault(key, key)
    return phrases, displays, written, conflicts


#: folded key -> (ISO alpha-3 code, kind: "name" | "demonym" | "seat"); unambiguous keys only
SIDE_PHRASES: dict[str, tuple[str, str]]
#: ISO alpha-3 code -> the side's display name ("RUS" -> "Russia")
SIDE_NAMES: dict[str, str]
#: folded key -> the key as the table writes it (for tokenizing it the way spaCy does)
WRITTEN_KEYS: dict[str, str]
#: keys two countries claim (none: tests/language/test_sides.py checks)
KEY_CONFLICTS: list[tuple[str, str, str]]
SIDE_PHRASES, SIDE_NAMES, WRITTEN_KEYS, KEY_CONFLICTS = _build()

#: folded key -> code, for words that are a country's only in a country's context
AMBIGUOUS_CODES: dict[str, str] = dict(AMBIGUOUS)
#: phrases holding a country's word that name no country ("New Mexico")
NOT_SIDE_PHRASES: frozenset[str] = NOT_SIDES
#: keys that must be written so to count ("US", not the pronoun "us")
EXACT_FORMS: dict[str, str] = dict(EXACT_CASE)
#: display name (folded) -> code, so a side's name gives its key
DISPLAY_CODES: dict[str, str] = {fold(name): code for code, name in SIDE_NAMES.items()}

# The older shape, read by components.compare (lowercase key -> display name) until it switches
# to components.language.sides.is_party_name: every country name, nationality word and capital or
# seat of power, ambiguous ones included (they are names of parties wherever they occur; only
# sides need the context). compare also takes the first five letters of COUNTRIES and DEMONYMS as
# party stems, so a name of several words whose first five letters begin no one-word key ("south
# korea": "south", "republic of ...": "repub") is left out of those two, as the older table left it.
def _older(kinds: tuple[str, ...]) -> dict[str, str]:
    table = {k: SIDE_NAMES[c] for k, (c, kind) in SIDE_PHRASES.items() if kind in kinds}
    table |= {k: SIDE_NAMES[c] for k, c in AMBIGUOUS.items() if _AMBIGUOUS_KIND[k] in kinds}
    if "seat" in kinds:
        return table
    stems = {k[:5] for k in table if " " not in k} | {"unite"}  # "united states", "united kingdom"
    return {k: v for k, v in table.items() if " " not in k or k[:5] in stems}


_AMBIGUOUS_KIND: dict[str, str] = {
    k: "demonym" if k.endswith(("an", "ans")) else "name" if fold(SIDE_NAMES[c]) == k else "seat"
    for k, c in AMBIGUOUS.items()
}
DEMONYMS: dict[str, str] = _older(("demonym",))
COUNTRIES: dict[str, str] = _older(("name",))
SEATS_OF_POWER: dict[str, str] = _older(("seat",))

#: every one-word real key (countries, nationality words, capitals, ambiguous and no-side words,
#: and real regions and peoples): never the base of an article's own invented country
REAL_WORDS: frozenset[str] = frozenset(
    k for k in (*SIDE_PHRASES, *AMBIGUOUS, *NOT_SIDES, *REAL_NON_COUNTRY_WORDS) if " " not in k
)

# words that, after a demonym or place and a hyphen, make it describe where a thing or person
# comes from or sits rather than their side ("a Russian-made missile", "US-supplied weapons",
# "a Washington-based analyst", "a Kestrian-born writer")
ORIGIN_SUFFIXES: frozenset[str] = frozenset(
    {"made", "built", "supplied", "provided", "funded", "backed", "led", "based", "born", "educated", "trained",
     "designed", "produced", "manufactured", "sourced", "style", "era"}
)

# nouns that make a person or body part of what follows "of" / "for" ("a member of the Kestrian
# delegation", "a spokesman for the Kremlin"); besides these, the titles of lexicon.names count.
# Nouns such as "critic", "opponent" or "victim" are deliberately absent: "a critic of the
# Kremlin" is not on the Kremlin's side.
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    member members staff staffer employee employees agent agents soldier soldiers troops forces army navy
    government ministry ministries department embassy consulate office agency delegation mission team
    representatives officials diplomat diplomats negotiator negotiators aide aides military
    """.split()
)

# portfolios of a ministry or minister, written capitalised before the noun ("Transport Minister",
# "the Interior Ministry"): never the country that owns the government
PORTFOLIO_WORDS: frozenset[str] = frozenset(
    """
    transport foreign defence defense interior home health finance justice education energy agriculture
    trade economy economic labour labor culture environment water infrastructure communications
    information security emergency emergencies fisheries maritime industry tourism housing
    """.split()
)

# words that make a name a state ("Republic of Kestria", "Valdoran Federation")
STATE_WORDS: frozenset[str] = frozenset(
    {"republic", "federation", "kingdom", "state", "states", "union", "emirates", "confederation", "principality"}
)

# capitalised words that look like nationality words but are not ("Christian groups")
NOT_NATIONALITIES: frozenset[str] = frozenset(
    """
    christian christians victorian edwardian european asian african caucasian parisian orwellian
    republican libertarian vegetarian lutheran anglican presbyterian shakespearean elizabethan
    freudian darwinian marxian hegelian kantian indian american mexican cuban
    """.split()
)

# nouns whose owner is a country: "Amberlund's foreign minister", "the Amberlund embassy",
# "the government of Norvane" make the owner a side of its own
GOVERNMENT_NOUNS: frozenset[str] = frozenset(
    """
    government ministry embassy consulate president minister parliament cabinet army navy
    premier chancellor ambassador
    """.split()
)

# endings of a nationality word: a capitalised word with one of them that shares its stem with a
# place named in the same article is that place's people ("Kestrian" -> "Kestria")
DEMONYM_ENDINGS: tuple[str, ...] = ("ian", "ians", "an", "ans", "ese", "ish", "i", "is", "ic", "er", "ers")

