"""The Streamlit page: one module per cell, the only code in ``components`` that imports streamlit.

May import: every layer below (present, store, corpus, analysis, language, ingest). Language
facts are never computed here: the cells render what the layers below return.
"""
