"""Word lists for names: titles to strip, words that are never entities, aliases, places."""

from __future__ import annotations

# Words that are titles, ranks or roles: stripped from the edges of a name ("Maj. Gen. Pat Ryder"
# -> "Pat Ryder", "Pentagon Press" -> "Pentagon"); a mention made only of them is not an entity.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady rev father sister brother
    president vice prime premier chancellor king queen prince princess sheikh emir sultan
    minister secretary undersecretary deputy assistant acting foreign defense defence interior
    press spokesman spokeswoman spokesperson ambassador envoy senator sen rep representative
    congressman congresswoman governor gov mayor chief commander general gen lieutenant lt
    colonel col major maj captain capt sergeant sgt admiral adm brigadier brig corporal cpl private pvt
    marshal field commissioner director chairman chairwoman chair justice judge attorney
    speaker leader head officer official adviser advisor counselor counsellor editor
    """.split()
)

# Leading words dropped from organisation and place names ("the Pentagon" -> "Pentagon").
LEADING_DETERMINERS: frozenset[str] = frozenset({"the", "a", "an"})

# Spellings of the same organisation or place; the user can add groups in the page.
# The canonical form shown is the one the article uses most.
ALIAS_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"Pentagon", "Defense Department", "Department of Defense", "US Defense Department", "DoD"}),
    frozenset({"United States", "US", "U.S.", "USA", "U.S.A.", "America"}),
    frozenset({"United Kingdom", "UK", "U.K.", "Britain", "Great Britain"}),
    frozenset({"United Nations", "UN", "U.N."}),
    frozenset({"European Union", "EU", "E.U."}),
    frozenset({"Kyiv", "Kiev"}),
    frozenset({"NATO", "North Atlantic Treaty Organization"}),
)

# Well-known places that the small English model often labels PERSON or ORG.
KNOWN_PLACES: frozenset[str] = frozenset(
    {
        "Kiev", "Kyiv", "Moscow", "Washington", "Crimea", "Sevastopol", "Kharkiv", "Sumy", "Donetsk",
        "Luhansk", "Kherson", "Odesa", "Odessa", "Beijing", "Gaza", "Tehran", "Damascus", "Kabul",
    }
)

# spaCy labels kept as entities, and the label each one is shown under.
ENTITY_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

# Nouns that describe a person in an apposition: "the observatory's director, Nadia Fennimore",
# "Petra Ilvesh, a schoolteacher" make the name a person's whatever the tagger said.
PERSON_DESCRIPTION_NOUNS: frozenset[str] = frozenset(
    """
    minister secretary president premier chancellor spokesman spokeswoman spokesperson ambassador envoy
    senator governor mayor chief commander general colonel major captain admiral director chairman
    chairwoman chair judge prosecutor attorney leader head officer adviser advisor lawmaker diplomat
    negotiator analyst expert researcher professor economist engineer doctor surgeon nurse teacher
    schoolteacher student farmer fisherman shopkeeper driver worker resident witness survivor owner
    manager founder editor reporter journalist writer author lawyer mother father son daughter wife
    husband widow brother sister grandmother grandfather investigator inspector pilot sailor soldier
    """.split()
)

# Numbers in an apposition that are a person's age: "Petra Ilvesh, 34,".
AGE_RANGE: tuple[int, int] = (1, 110)
