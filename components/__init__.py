"""News Lens: read the news critically. The layers, from the bottom up:

- :mod:`components.ingest`: the article record and its loaders (text, files, HTML, URLs, samples);
- :mod:`components.language`: the spaCy model and parse cache, the lexicon, and the extractors
  (entities, quotes and their speakers, figures and their sources, sides);
- :mod:`components.compare`: events, statement pairs and figure discrepancies, on records only;
- :mod:`components.analysis`: ``analyze(articles)``, the one place that joins language and compare;
- :mod:`components.present` and :mod:`components.store`: tables, charts, report; saved workspaces;
- :mod:`components.corpus`: corpus mode (streaming tables, Dask);
- :mod:`components.ui`: the Streamlit page, the only code that imports streamlit;
- :mod:`components.bench` and the command line (``python -m components``) on top.

A module imports only from its own layer's package or the layers below it
(``tests/test_layers.py`` checks this, and that there is no import circle).
"""
