"""Every word list the extractors use, in one place, split by the family that uses it.

- :mod:`components.language.lexicon.names`: titles, false entities, organisation aliases, place gazetteer.
- :mod:`components.language.lexicon.quotes`: reporting verbs and nouns, speaker nouns, pronouns.
- :mod:`components.language.lexicon.figures`: casualty words, qualifiers, vague amounts, units.
- :mod:`components.language.lexicon.sides`: demonyms, countries, capitals and seats of power.

Lists are data: frozensets and tuples of lowercase strings, never logic.
"""
