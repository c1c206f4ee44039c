"""The language layer: one parsed article in, its extracted records out.

- :mod:`~components.language.nlp`: the spaCy model (loaded once) and the parse cache;
- :mod:`~components.language.lexicon`: every word list and rule table, as data;
- :mod:`~components.language.entities`: mentions merged into canonical entities;
- :mod:`~components.language.quote_marks`, :mod:`~components.language.statements`,
  :mod:`~components.language.attribution`, :mod:`~components.language.quotes`: quotation marks,
  the statements reporting cues carry, who made them, and the quotes assembled;
- :mod:`~components.language.numbers`, :mod:`~components.language.figure_draft`,
  :mod:`~components.language.casualties`, :mod:`~components.language.figure_sources`,
  :mod:`~components.language.dates`, :mod:`~components.language.figures`: amounts, what they
  count, who claims them, dates, and the figures assembled;
- :mod:`~components.language.sides`: which side a speaker or entity belongs to;
- :mod:`~components.language.extract`: ``analyze_doc``, one article's records with sides attached.

May import: :mod:`components.ingest`. Pure functions of a ``Doc``: nothing here knows the page,
the store or the comparison.
"""
