"""Word lists for sides: which country or party a word points to.

Keys are lowercase. Demonyms and adjectives, country names and their short forms, capitals and
seats of power used for governments ("Moscow", "the Pentagon"). Invented countries in an
article are linked to their demonyms at run time (see components.language.sides), not listed here.
"""

from __future__ import annotations

# demonym or adjective -> side
DEMONYMS: dict[str, str] = {
    "russian": "Russia", "russians": "Russia", "soviet": "Russia",
    "ukrainian": "Ukraine", "ukrainians": "Ukraine",
    "american": "United States", "americans": "United States", "us": "United States", "u.s.": "United States",
    "british": "United Kingdom", "french": "France", "german": "Germany", "germans": "Germany",
    "chinese": "China", "israeli": "Israel", "israelis": "Israel", "palestinian": "Palestine",
    "palestinians": "Palestine", "iranian": "Iran", "iranians": "Iran", "syrian": "Syria", "turkish": "Turkey",
    "polish": "Poland", "belarusian": "Belarus", "georgian": "Georgia", "japanese": "Japan",
    "korean": "Korea", "indian": "India", "pakistani": "Pakistan", "afghan": "Afghanistan",
    "lebanese": "Lebanon", "yemeni": "Yemen", "saudi": "Saudi Arabia", "egyptian": "Egypt",
}

# country names and short forms -> side
COUNTRIES: dict[str, str] = {
    "russia": "Russia", "russian federation": "Russia",
    "ukraine": "Ukraine",
    "united states": "United States", "us": "United States", "u.s.": "United States", "usa": "United States",
    "america": "United States",
    "united kingdom": "United Kingdom", "uk": "United Kingdom", "britain": "United Kingdom",
    "france": "France", "germany": "Germany", "china": "China", "israel": "Israel", "iran": "Iran",
    "syria": "Syria", "turkey": "Turkey", "poland": "Poland", "belarus": "Belarus", "georgia": "Georgia",
    "japan": "Japan", "india": "India", "pakistan": "Pakistan", "afghanistan": "Afghanistan",
    "lebanon": "Lebanon", "yemen": "Yemen", "saudi arabia": "Saudi Arabia", "egypt": "Egypt",
    "palestine": "Palestine",
}

# capitals and seats of power used for a government -> side
SEATS_OF_POWER: dict[str, str] = {
    "moscow": "Russia", "kremlin": "Russia",
    "kiev": "Ukraine", "kyiv": "Ukraine",
    "washington": "United States", "pentagon": "United States", "white house": "United States",
    "state department": "United States", "defense department": "United States",
    "department of defense": "United States", "capitol hill": "United States",
    "london": "United Kingdom", "downing street": "United Kingdom", "whitehall": "United Kingdom",
    "paris": "France", "elysee": "France", "berlin": "Germany", "beijing": "China",
    "tehran": "Iran", "damascus": "Syria", "ankara": "Turkey", "warsaw": "Poland", "minsk": "Belarus",
    "jerusalem": "Israel", "tel aviv": "Israel",
}

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

