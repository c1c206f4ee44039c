"""Every word list the extractors use, in one place, split by the family that uses it.

- :mod:`components.language.lexicon.names`: titles, false entities, organisation aliases, place gazetteer.
- :mod:`components.language.lexicon.quotes`: reporting verbs and nouns, speaker nouns, pronouns.
- :mod:`components.language.lexicon.figures`: casualty words, qualifiers, vague amounts, units.
- :mod:`components.language.lexicon.countries`: one row per state (ISO code, display name, names,
  demonyms, capitals and seats of power), ambiguous words and phrases that name no country.
- :mod:`components.language.lexicon.sides`: the side tables derived from it (with ISO names from
  ``pycountry``), and the words that link an article's own countries to their demonyms.

Lists are data: frozensets and tuples of lowercase strings, never logic.
"""
