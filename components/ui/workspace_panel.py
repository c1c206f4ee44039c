"""Sidebar: save the workspace, share a read-only link, open a link, make a copy."""

from __future__ import annotations

import streamlit as st

from components import store as storage
from components.ui.state import WorkspaceState

KEY = "workspace."
GENERIC_ERROR = "The workspace database is not reachable right now; your work on this page is kept."


@st.cache_resource(show_spinner=False)
def get_store() -> storage.Store:
    """One database connection pool per server process (holds no user data)."""
    return storage.Store()


def _link(token: str) -> str:
    base = ""
    try:
        base = str(st.context.url).split("?", 1)[0]
    except (AttributeError, RuntimeError):
        base = ""
    return f"{base}?ws={token}"


def open_from_query(ws: WorkspaceState) -> None:
    """Open the workspace named by ``?ws=`` once per token; unknown links get one generic message."""
    token = st.query_params.get("ws")
    if not token or token == ws.token:
        return
    try:
        opened = get_store().open(token)
    except storage.WorkspaceNotFound as exc:
        st.error(str(exc))
        st.query_params.pop("ws", None)
        return
    except storage.StoreError:
        st.error(GENERIC_ERROR)
        return
    ws.articles = opened.workspace.article_records()
    ws.load_settings(dict(opened.workspace.settings))
    ws.name = opened.workspace.name
    ws.token, ws.role, ws.version = token, opened.role, opened.workspace.version
    ws.dirty = False
    ws.samples_offered = True
    st.session_state.pop("newslens.context", None)


def autosave(ws: WorkspaceState) -> None:
    """Save an edited workspace at the end of the run that changed it (edit links only)."""
    if ws.role != "edit" or not ws.dirty or ws.token is None:
        return
    try:
        saved = get_store().save(ws.token, articles=ws.articles, settings=ws.settings_for_store(), name=ws.name)
    except storage.StoreError as exc:
        st.sidebar.error(f"Not saved: {exc}")
        return
    ws.version, ws.dirty = saved.version, False


def _adopt(ws: WorkspaceState, created: storage.CreatedWorkspace) -> None:
    ws.token, ws.role, ws.version = created.edit_token, "edit", created.workspace.version
    ws.name, ws.dirty = created.workspace.name, False
    st.session_state[KEY + "share"] = created.view_token
    st.query_params["ws"] = created.edit_token


def render(ws: WorkspaceState) -> None:
    st.sidebar.subheader("Workspace")
    if ws.read_only:
        st.sidebar.info(f"**{ws.name}** (read-only link)")
        if st.sidebar.button("Make a copy I can edit", key=KEY + "fork"):
            try:
                _adopt(ws, get_store().fork(ws.token or "", name=f"{ws.name} (copy)"))
            except storage.StoreError as exc:
                st.sidebar.error(str(exc))
                return
            st.rerun()
        return
    name = st.sidebar.text_input("Name", value=ws.name, key=KEY + "name", max_chars=200)
    if name != ws.name:
        ws.name, ws.dirty = name, True
    if ws.role == "edit":
        st.sidebar.caption(f"Saved automatically (version {ws.version}). Keep this page's URL: it is your edit link.")
        share = st.session_state.get(KEY + "share")
        if st.sidebar.button("New read-only share link", key=KEY + "new_share"):
            try:
                share = get_store().new_share_token(ws.token or "")
            except storage.StoreError as exc:
                st.sidebar.error(str(exc))
            st.session_state[KEY + "share"] = share
        if share:
            st.sidebar.markdown("Read-only link for colleagues:")
            st.sidebar.code(_link(share), language=None)
        if st.sidebar.button("Revoke every share link", key=KEY + "revoke"):
            try:
                count = get_store().revoke(ws.token or "", role="view")
            except storage.StoreError as exc:
                st.sidebar.error(str(exc))
            else:
                st.session_state.pop(KEY + "share", None)
                st.sidebar.success(f"Revoked {count} link(s).")
        return
    if st.sidebar.button("Save and get a share link", key=KEY + "save", disabled=not ws.articles):
        try:
            _adopt(ws, get_store().create(name=ws.name, articles=ws.articles, settings=ws.settings_for_store()))
        except storage.StoreError as exc:
            st.sidebar.error(str(exc))
            return
        st.rerun()
    st.sidebar.caption("Saving stores the articles, side changes and cell layout, and gives a read-only link.")
