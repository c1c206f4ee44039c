"""Word lists for figures: casualty words, amounts, qualifiers, groups, subsets, sources, units, dates.

Everything is lowercase data read by :mod:`components.language.figures`; no logic lives here. Verbs and
nouns are listed as lemmas (what spaCy's lemmatizer gives), adjectives and fixed phrases as
written. A word missing from a list is a gap to fill here, never a special case in the code.
"""

from __future__ import annotations

# --- casualty categories -------------------------------------------------------------------------

KILLED = "killed"
WOUNDED = "wounded"
CASUALTIES = "casualties"  # killed or wounded, not told apart
MISSING = "missing"
DETAINED = "detained"
DISPLACED = "displaced"

# Verbs whose victim is the object (or the subject of the passive): "killed 12", "12 were killed".
TRANSITIVE_VERBS: dict[str, str] = {
    "kill": KILLED, "slay": KILLED, "murder": KILLED, "massacre": KILLED, "execute": KILLED,
    "behead": KILLED, "assassinate": KILLED, "slaughter": KILLED, "drown": KILLED,  # "drowning nine people"
    "wound": WOUNDED, "injure": WOUNDED, "hurt": WOUNDED, "maim": WOUNDED,
    "detain": DETAINED, "arrest": DETAINED, "capture": DETAINED, "abduct": DETAINED, "kidnap": DETAINED,
    "imprison": DETAINED, "jail": DETAINED, "round": DETAINED,  # "rounded up" is checked for its particle
    "hold": DETAINED,  # "holds 450 soldiers": people only
    "treat": WOUNDED, "hospitalize": WOUNDED, "hospitalise": WOUNDED,  # "40 people were treated"
    "trap": MISSING,  # "30 people may be trapped under the rubble"
    "displace": DISPLACED, "uproot": DISPLACED, "evacuate": DISPLACED,
}
# Verbs whose victim is the subject: "12 people died", "10,000 fled".
INTRANSITIVE_VERBS: dict[str, str] = {
    "die": KILLED, "perish": KILLED, "drown": KILLED,
    "disappear": MISSING, "vanish": MISSING,
    "flee": DISPLACED,
}
# Detention verbs that detain only with a subject that can hold people captive: "the rebels hold
# 30 hostages", not "the new stadium holds 50,000 people".
AGENT_DETENTION_VERBS: frozenset[str] = frozenset({"hold", "keep"})
# Common nouns that can hold people captive (persons and named bodies always can).
DETAINING_NOUNS: frozenset[str] = frozenset(
    "army military police force forces government authority authorities regime group militia rebel rebels side".split()
)
# Verbs by which bodies are found: a bare number after "133 bodies had been retrieved" counts bodies too.
RECOVERY_VERBS: frozenset[str] = frozenset(
    "recover retrieve find pull remove wash bring identify exhume collect".split()
)
BODY_NOUNS: frozenset[str] = frozenset({"body", "corpse", "remains"})
# Verbs that need a particle to count: "rounded up 30 protesters".
VERB_PARTICLES: dict[str, str] = {"round": "up"}
# Objects that must be people (or a bare number) for these verbs: "captured 12 tanks" is not a casualty.
PERSON_OBJECT_VERBS: frozenset[str] = frozenset(
    {"capture", "evacuate", "round", "displace", "uproot", "hurt", "hold", "treat", "trap", "drown"}
)
# Verbs that displace only civilians and only with no object or a home as object:
# "400 residents had left for Hollin" (but not "the soldiers left the base").
CIVILIAN_VERBS: dict[str, str] = {"leave": DISPLACED, "escape": DISPLACED}
CIVILIAN_NOUNS: frozenset[str] = frozenset(
    """
    people person civilian resident villager inhabitant family household local citizen child woman
    refugee evacuee
    """.split()
)
HOME_NOUNS: frozenset[str] = frozenset({"home", "house", "village", "town", "city", "area", "region"})

# Verb + object phrases whose subject is the victim: "12 people lost their lives".
VERB_OBJECT_PHRASES: dict[tuple[str, str], str] = {
    ("lose", "life"): KILLED,
    ("flee", "home"): DISPLACED,
    ("leave", "home"): DISPLACED,
}
# Verb + predicate phrases: "were taken prisoner", "were shot dead", "left homeless", "went missing".
VERB_PREDICATE_PHRASES: dict[tuple[str, str], str] = {
    ("take", "prisoner"): DETAINED, ("take", "captive"): DETAINED, ("take", "hostage"): DETAINED,
    ("hold", "hostage"): DETAINED, ("hold", "captive"): DETAINED,
    ("shoot", "dead"): KILLED, ("beat", "dead"): KILLED, ("stab", "dead"): KILLED,
    ("make", "homeless"): DISPLACED, ("leave", "homeless"): DISPLACED,
    ("go", "missing"): MISSING, ("be", "missing"): MISSING, ("remain", "missing"): MISSING,
    ("list", "missing"): MISSING, ("report", "missing"): MISSING, ("fear", "dead"): KILLED,
    ("report", "dead"): KILLED, ("report", "killed"): KILLED, ("confirm", "dead"): KILLED,
    ("confirm", "killed"): KILLED, ("declare", "dead"): KILLED, ("find", "dead"): KILLED, ("pronounce", "dead"): KILLED,
    ("presume", "dead"): KILLED, ("believe", "dead"): KILLED, ("fear", "killed"): KILLED,
    ("remain", "trapped"): MISSING, ("be", "trapped"): MISSING, ("remain", "unaccounted"): MISSING,
    ("be", "dead"): KILLED, ("be", "injured"): WOUNDED, ("be", "wounded"): WOUNDED,
}
# Verb + preposition + noun: "were forced from their homes", "remain in shelters", "listed as missing".
VERB_PREP_PHRASES: dict[tuple[str, str, str], str] = {
    ("force", "from", "home"): DISPLACED, ("drive", "from", "home"): DISPLACED,
    ("force", "out", "home"): DISPLACED,
    ("remain", "in", "shelter"): DISPLACED, ("stay", "in", "shelter"): DISPLACED,
    ("live", "in", "shelter"): DISPLACED, ("sleep", "in", "shelter"): DISPLACED,
    ("be", "in", "shelter"): DISPLACED, ("remain", "in", "camp"): DISPLACED, ("live", "in", "camp"): DISPLACED,
    ("list", "as", "missing"): MISSING, ("list", "as", "dead"): KILLED, ("list", "as", "wounded"): WOUNDED,
    ("list", "as", "injured"): WOUNDED, ("register", "as", "displaced"): DISPLACED,
    ("be", "in", "condition"): WOUNDED, ("remain", "in", "condition"): WOUNDED,
    ("remain", "in", "hospital"): WOUNDED, ("be", "in", "hospital"): WOUNDED,
    ("stay", "in", "hospital"): WOUNDED, ("remain", "in", "care"): WOUNDED,
    ("remain", "in", "captivity"): DETAINED, ("be", "in", "captivity"): DETAINED,
    ("succumb", "to", "injury"): KILLED, ("succumb", "to", "wound"): KILLED, ("succumb", "to", "burn"): KILLED,
    ("die", "of", "injury"): KILLED, ("die", "from", "injury"): KILLED, ("die", "of", "wound"): KILLED,
    ("hold", "in", "captivity"): DETAINED, ("remain", "in", "custody"): DETAINED,
    ("be", "in", "custody"): DETAINED, ("take", "into", "custody"): DETAINED,
    ("move", "to", "shelter"): DISPLACED, ("relocate", "to", "shelter"): DISPLACED,
    ("house", "in", "shelter"): DISPLACED, ("move", "to", "camp"): DISPLACED,
    ("take", "to", "shelter"): DISPLACED,
}

# Adjectives and participles used as predicates or after a number: "12 dead", "left 30 injured".
ADJECTIVES: dict[str, str] = {
    "dead": KILLED, "killed": KILLED,
    "wounded": WOUNDED, "injured": WOUNDED, "hurt": WOUNDED,
    "missing": MISSING, "unaccounted": MISSING, "trapped": MISSING,
    "detained": DETAINED, "arrested": DETAINED, "captured": DETAINED, "abducted": DETAINED,
    "displaced": DISPLACED, "homeless": DISPLACED, "evacuated": DISPLACED,
}
# Nouns that name the casualties themselves: "40 deaths", "12 casualties", "among the dead".
NOUNS: dict[str, str] = {
    "death": KILLED, "fatality": KILLED, "dead": KILLED, "body": KILLED, "corpse": KILLED,
    "injury": WOUNDED, "injured": WOUNDED, "wounded": WOUNDED,
    "casualty": CASUALTIES,
    "arrest": DETAINED, "detention": DETAINED, "detainee": DETAINED,
    "missing": MISSING,
    "displaced": DISPLACED,
}
# Nouns for what happened to people counted after "of": "the arrest of four crew members", "the
# deaths of 12 soldiers", "the evacuation of 400 residents".
EVENT_NOUNS: dict[str, str] = {
    "death": KILLED, "killing": KILLED, "murder": KILLED, "execution": KILLED, "drowning": KILLED,
    "massacre": KILLED, "injury": WOUNDED, "wounding": WOUNDED, "arrest": DETAINED, "detention": DETAINED,
    "abduction": DETAINED, "kidnapping": DETAINED, "capture": DETAINED, "imprisonment": DETAINED,
    "evacuation": DISPLACED, "displacement": DISPLACED, "disappearance": MISSING,
}
# Nouns that hold a running total: "the death toll rose to 40", "the number of dead reached 40".
TOLL_NOUNS: frozenset[str] = frozenset({"toll", "tally", "count", "number", "figure", "total"})
# What a toll counts, from its modifiers ("death toll", "casualty count", "number of injured").
TOLL_MODIFIERS: dict[str, str] = {
    "death": KILLED, "dead": KILLED, "fatality": KILLED, "killed": KILLED, "body": KILLED,
    "casualty": CASUALTIES,
    "injury": WOUNDED, "injured": WOUNDED, "wounded": WOUNDED,
    "missing": MISSING, "arrest": DETAINED, "detainee": DETAINED, "displaced": DISPLACED,
}
# A bare "toll" counts the dead; "number", "count", "figure" and "total" without a modifier
# count what the last casualty figure before them counted ("the government's count of 52").
BARE_TOLL_NOUNS: dict[str, str] = {"toll": KILLED}
# Verbs that move or state a toll: "the toll rose to 40", "reached 40", "stands at 40".
TOLL_VERBS: frozenset[str] = frozenset(
    {
        "rise", "climb", "reach", "hit", "stand", "increase", "jump", "grow", "soar", "top", "exceed",
        "pass", "surpass", "mount", "near", "be", "put", "raise", "bring", "revise", "update", "lift",
        "push", "swell", "double", "approach", "remain",
    }
)
# Prepositions that introduce a toll's number: "rose to 40", "put the toll at 40".
TOLL_PREPOSITIONS: frozenset[str] = frozenset({"to", "at"})
# Verbs that report a change: "rose from 12 to 40" gives 40, not the range 12-40.
CHANGE_VERBS: frozenset[str] = frozenset(
    {"rise", "climb", "increase", "jump", "grow", "soar", "raise", "revise", "lift", "push", "fall",
     "drop", "decrease", "swell", "double", "bring"}
)
# Two categories joined: "killed or wounded", "dead and injured" are casualties.
COMBINED: dict[frozenset[str], str] = {frozenset({KILLED, WOUNDED}): CASUALTIES}
COMBINED_MAX_GAP = 3  # tokens between the two words: "killed or seriously wounded"

# --- amounts -------------------------------------------------------------------------------------

# Qualifiers before a number, and the bound the number gives: "low" (more than, at least),
# "high" (up to, nearly), "about" (approximately; both bounds are the number).
QUALIFIERS: dict[tuple[str, ...], tuple[str, str]] = {
    # words before the number -> (the bound it sets, the qualifier as reported). "over" and "more
    # than" are one qualifier, "more than"; "some" and "around" are "about"; the rest keep their words.
    ("more", "than"): ("low", "more than"), ("over",): ("low", "more than"), ("upwards", "of"): ("low", "more than"),
    ("well", "over"): ("low", "more than"), ("just", "over"): ("low", "more than"),
    ("in", "excess", "of"): ("low", "more than"), ("well", "above"): ("low", "more than"),
    ("at", "least"): ("low", "at least"), ("no", "fewer", "than"): ("low", "no fewer than"),
    ("no", "less", "than"): ("low", "no less than"), ("not", "less", "than"): ("low", "not less than"),
    ("a", "minimum", "of"): ("low", "a minimum of"),
    ("up", "to"): ("high", "up to"), ("as", "many", "as"): ("high", "as many as"), ("at", "most"): ("high", "at most"),
    ("a", "maximum", "of"): ("high", "a maximum of"),
    ("nearly",): ("high", "nearly"), ("almost",): ("high", "almost"), ("close", "to"): ("high", "close to"),
    ("just", "under"): ("high", "just under"), ("fewer", "than"): ("high", "fewer than"),
    ("less", "than"): ("high", "less than"), ("under",): ("high", "under"),
    ("about",): ("about", "about"), ("around",): ("about", "about"), ("approximately",): ("about", "about"),
    ("roughly",): ("about", "about"), ("some",): ("about", "about"), ("an", "estimated"): ("about", "about"),
    ("estimated",): ("about", "about"), ("approx",): ("about", "about"), ("an", "approximate"): ("about", "about"),
    ("about", "some"): ("about", "about"),
}
QUALIFIER_MAX_WORDS = 3
# Qualifiers after the number: "12 or more", "40 or so".
TRAILING_QUALIFIERS: dict[tuple[str, ...], tuple[str, str]] = {
    ("or", "more"): ("low", "or more"), ("or", "so"): ("about", "about"), ("or", "fewer"): ("high", "or fewer"),
    ("or", "less"): ("high", "or less"), ("and", "counting"): ("low", "and counting"),
}

# Words that make a number an increment, not a total: "two more bodies", "another 12", "an
# additional 30": it adds to a toll ("bringing the toll to 14") and is part of it.
INCREMENT_AFTER: frozenset[str] = frozenset({"more", "additional", "further", "extra", "new"})
INCREMENT_BEFORE: frozenset[tuple[str, ...]] = frozenset(
    {("another",), ("an", "additional"), ("a", "further"), ("an", "extra")}
)
# Words that make a figure one the article reports as replaced: "earlier reports put the toll at
# 12", "the ministry initially said 40", "an initial toll of 30", "up from 31 on Monday".
SUPERSEDED_WORDS: frozenset[str] = frozenset(
    {"earlier", "initially", "initial", "previously", "previous", "originally", "original", "preliminary", "first"}
)
SUPERSEDED_CUES: frozenset[tuple[str, ...]] = frozenset({("up", "from"), ("down", "from"), ("revised", "from")})

# Vague amounts: the words, and the (low, high) they stand for; the value is None.
VAGUE_AMOUNTS: dict[tuple[str, ...], tuple[float | None, float | None]] = {
    ("dozens",): (24, None),
    ("scores",): (40, None),
    ("hundreds",): (200, None),
    ("thousands",): (2_000, None),
    ("tens", "of", "thousands"): (20_000, None),
    ("hundreds", "of", "thousands"): (200_000, None),
    ("millions",): (2_000_000, None),
    ("a", "handful"): (2, 5),
}
VAGUE_MAX_WORDS = 3
# Words that multiply a number and that text2num does not know: "two dozen", "a dozen".
MULTIPLIERS: dict[str, float] = {"dozen": 12}
# scale words after a number ("1.5 million") or after "a" ("a hundred"); text2num knows no "trillion"
SCALE_WORDS: dict[str, float] = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Number words that are not counts when written this way ("no one", "one another").
NOT_A_COUNT_AFTER: frozenset[str] = frozenset({"no", "every", "any", "each", "some"})
NOT_A_COUNT_BEFORE: frozenset[str] = frozenset({"another", "other"})
# Determiners after "one of" that make "one" a partitive ("one of the deadliest"), never a count.
ONE_OF: tuple[str, str] = ("one", "of")
# Range words between two numbers: "10 to 15", "59 or 60", "10-15"; "between 10 and 15".
RANGE_WORDS: frozenset[str] = frozenset({"to", "or", "-", "–", "—"})
BETWEEN_WORDS: tuple[str, str] = ("between", "and")

ORDINAL_WORDS: frozenset[str] = frozenset(
    """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth
    fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth millionth billionth
    """.split()
)

# --- groups --------------------------------------------------------------------------------------

# Nouns for people (as lemmas). Demonym plurals ("Russians") come from lexicon.sides and NORP.
PERSON_NOUNS: frozenset[str] = frozenset(
    """
    people person persons civilian child kid infant baby toddler minor teenager teen youth boy girl
    woman man adult elderly resident villager inhabitant citizen national local family household
    soldier troop serviceman servicewoman servicemember personnel marine sailor pilot airman
    officer policeman policewoman cop guard fighter militant combatant insurgent rebel guerrilla
    militiaman gunman attacker assailant jihadist terrorist commander recruit conscript mercenary
    volunteer reservist paratrooper
    worker employee staff staffer official diplomat journalist reporter photographer medic doctor
    nurse paramedic rescuer firefighter teacher student pupil worshipper pilgrim tourist passenger
    pedestrian driver bystander shopper protester protestor demonstrator activist prisoner detainee
    hostage captive refugee migrant evacuee victim survivor patient member crew crewman relative
    miner farmer fisherman herder settler other suspect defendant convict inmate
    """.split()
)
# Word endings that mark a person noun the list does not hold ("operatives", "lawmakers").
PERSON_SUFFIXES: tuple[str, ...] = ("ians", "ists", "ees", "ives", "men", "women", "makers")

# --- subsets -------------------------------------------------------------------------------------

# "Four were killed, including two children": the figure after the cue is part of the one before.
SUBSET_PREPOSITIONS: frozenset[str] = frozenset({"including", "include", "among"})
# Determiners of a whole that make "N of the X" a part: "19 of the injured", "three of those bodies".
PART_DETERMINERS: frozenset[str] = frozenset({"the", "those", "these", "its", "their", "our", "his", "her"})
# "12 were killed, two of whom were children"; "among them two children".
SUBSET_PRONOUNS: frozenset[str] = frozenset({"whom", "them", "which", "those", "these"})

# Who claims a figure: the reporting verbs and frames of components.language.lexicon.quotes.

# Words before a bare number that make it restate the figure before it: "up from 31", "the 17".
ELLIPSIS_CUES: frozenset[tuple[str, ...]] = frozenset(
    {("up", "from"), ("down", "from"), ("compared", "with"), ("compared", "to"), ("against",), ("versus",),
     ("than", "the"), ("and", "the"), ("the",)}
)

# --- locations -----------------------------------------------------------------------------------

LOCATION_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "near", "at", "outside", "around", "across", "inside", "on", "from", "throughout", "within"}
)
LOCATION_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})

# --- units, money, percent -----------------------------------------------------------------------

# Dimensions a quantity may have (pint dimensionality strings): length, mass, speed, area, volume.
UNIT_DIMENSIONS: frozenset[str] = frozenset(
    {"[length]", "[mass]", "[length] / [time]", "[length] ** 2", "[length] ** 3"}
)
# Unit phrases pint spells differently; everything else goes to pint as written.
UNIT_ALIASES: dict[str, str] = {
    "nautical miles": "nautical_mile", "nautical mile": "nautical_mile",
    "square miles": "mile ** 2", "square mile": "mile ** 2",
    "sq mi": "mile ** 2", "metric tons": "tonne", "metric tonnes": "tonne", "metric ton": "tonne",
}
UNIT_MAX_WORDS = 3
# Words pint reads as units that, after a number in news prose, are not ("in", "a", "at").
NOT_UNITS: frozenset[str] = frozenset(
    {"in", "a", "at", "as", "s", "b", "c", "h", "d", "min", "bar", "point", "points", "degree", "degrees",
     "percent", "count", "pi", "k", "l", "x", "u", "e", "p", "v", "f", "j", "n", "g"}
)
# Currency symbols and words -> ISO 4217 code.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH", "₪": "ILS",
    "₹": "INR", "c$": "CAD", "a$": "AUD",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "ruble": "RUB", "rubles": "RUB",
    "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnia's": "UAH",
    "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "shekel": "ILS", "shekels": "ILS", "rupee": "INR",
    "rupees": "INR", "lira": "TRY", "liras": "TRY", "riyal": "SAR", "riyals": "SAR", "dirham": "AED",
    "dirhams": "AED", "franc": "CHF", "francs": "CHF", "krona": "SEK", "kronor": "SEK", "krone": "DKK",
    "kroner": "DKK", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "forints": "HUF", "lari": "GEL",
    "manat": "AZN", "tenge": "KZT",
}
# Currency words that are also units of weight: money only inside a MONEY entity or after a symbol.
AMBIGUOUS_CURRENCY_WORDS: frozenset[str] = frozenset({"pound", "pounds"})
PERCENT_WORDS: frozenset[tuple[str, ...]] = frozenset({("%",), ("percent",), ("per", "cent"), ("pct",)})
# Scale words after digits: "1.5 million", "2bn".
SCALE_ABBREVIATIONS: dict[str, float] = {"bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12}

# --- things that are not counts ------------------------------------------------------------------

# A number followed by these is a duration or an age ("two years", "a 12-year-old").
TIME_UNITS: frozenset[str] = frozenset(
    """
    year years month months week weeks day days hour hours minute minutes second seconds decade
    decades century centuries night nights morning mornings evening evenings weekend weekends
    a.m. p.m. am pm o'clock
    """.split()
)
MONTHS: frozenset[str] = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
WEEKDAYS: frozenset[str] = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Nouns after a number that are not things counted ("45 degrees", "three times").
NOT_COUNTED: frozenset[str] = TIME_UNITS | frozenset({"degrees", "degree", "points", "point", "times"})
# Words after a number that make it a ratio, not a count ("three times the average").
MULTIPLICATIVES: frozenset[str] = frozenset({"times", "fold", "-fold"})
# Words before a number that make it a phone number or a reference ("call 555 0134", "No. 5").
IDENTIFIER_CUES: frozenset[str] = frozenset(
    {"phone", "telephone", "tel", "tel.", "fax", "call", "hotline", "no.", "#", "number", "nos.", "ext",
     "ext.", "room", "page", "p.", "pp.", "line", "route", "flight", "article", "section", "chapter"}
)
# Years are four-digit integers in this range unless they count a noun ("2000 people").
YEAR_RANGE: tuple[int, int] = (1500, 2100)

# --- dates ---------------------------------------------------------------------------------------

# Words stripped from the edges of a DATE span before dateparser sees it.
DATE_EDGE_WORDS: frozenset[str] = frozenset(
    {"on", "over", "the", "since", "until", "by", "in", "during", "throughout", "of", "from",
     "earlier", "later", "early", "late", "mid", "around", "about", "before", "after", "as", "at",
     "recently", "latest", "past", "more", "than", "nearly", "almost", "some", "just", "less", "roughly"}
)
# Words dateparser does not know, rewritten into words it does ("the weekend" -> its Saturday).
DATE_REWRITES: dict[str, str] = {"weekend": "saturday"}
# A DATE span with one of these words and a number but no anchor word is a duration ("two years").
DURATION_ANCHORS: frozenset[str] = frozenset(
    {"ago", "last", "next", "this", "previous", "coming", "earlier", "later", "since", "before", "after"}
)
# Words that make a date relative to publication; without a publication date it stays unresolved.
RELATIVE_DATE_WORDS: frozenset[str] = frozenset(
    """
    today yesterday tomorrow tonight ago last next this previous coming weekend week month year
    monday tuesday wednesday thursday friday saturday sunday morning evening night earlier later
    recent recently
    """.split()
)
# Spans with one of these words are ages or vague eras, not dates ("12-year-old", "the 1990s").
NOT_DATES: frozenset[str] = frozenset({"old", "year-old", "age", "aged"})
