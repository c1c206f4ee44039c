"""Entry point: ``streamlit run dashboard.py``. All page code lives in components/ui/."""

import streamlit as st

from components.ui.app import main

st.set_page_config(page_title="News Lens: read the news critically", page_icon="🔎", layout="wide")
main()
