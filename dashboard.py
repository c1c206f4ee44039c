"""Entry point: ``streamlit run dashboard.py``. All page code lives in components/ui/.

The first run in a server process imports the language layer and loads the English model
(seconds on a small machine): the page says so at once instead of staying blank.
"""

import sys

import streamlit as st

st.set_page_config(page_title="News Lens: read the news critically", page_icon="🔎", layout="wide")
if "components.ui.app" not in sys.modules:
    with st.spinner("Loading the English model…"):
        from components.ui.app import main
else:
    from components.ui.app import main
main()
