"""Entry point: ``streamlit run dashboard.py``. All page code lives in components/ui/.

The first run in a server process imports the language layer and loads the English model
(seconds on a small machine): the page says so at once instead of staying blank.
"""

import sys

import streamlit as st

st.set_page_config(page_title="News Lens: read the news critically", page_icon="🔎", layout="wide")
if "components.ui.app" not in sys.modules:
    loading = st.empty()
    loading.info("Loading the English model…", icon=":material/hourglass_top:")
    from components.ui.app import main

    loading.empty()
else:
    from components.ui.app import main
main()
