"""Word lists for sides: which country or party a word points to.

Keys are lowercase. Demonyms and adjectives, country names and their short forms, capitals and
seats of power used for governments ("Moscow", "the Pentagon"). Invented countries in an
article are linked to their demonyms at run time (see components.sides), not listed here.
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

# words that, before a demonym, make it describe a thing's origin rather than its owner's side
# ("a Russian-made missile", "US-supplied weapons")
ORIGIN_SUFFIXES: frozenset[str] = frozenset({"made", "built", "supplied", "provided", "funded", "backed", "led"})
