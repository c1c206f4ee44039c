"""Sidebar: save the workspace, share a read-only link, open a link, make a copy."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import store as storage
from components.present.safe_markdown import escape_markdown
from components.ui.state import CELLS, WorkspaceState, cell_key

KEY = "workspace."
GENERIC_ERROR = "The workspace database is not reachable right now; your work on this page is kept."


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> storage.Store:
    """One database connection pool per database URL and server process (holds no user data)."""
    return storage.Store(url)


def get_store() -> storage.Store:
    """The store of the database the environment names now (``DATABASE_URL`` or ``NEWSLENS_DB``).

    Keyed by the URL, so a process whose environment points at another database (a test, a
    host changing its secret) never keeps writing to the old one.
    """
    return _store_for(storage.default_url())


def _link(token: str) -> str:
    """The page's address with ``?ws=token``; only the query when the address is unknown (no browser)."""
    try:
        url = st.context.url
    except (AttributeError, RuntimeError):
        url = None
    base = str(url).split("?", 1)[0] if url else ""
    return f"{base}?ws={token}"


def open_from_query(ws: WorkspaceState) -> None:
    """Open the workspace named by ``?ws=`` once per token; unknown links get one generic message.

    A link that opens nothing (malformed, unknown, revoked) leaves the page empty rather than
    showing the samples, which a visitor could take for the shared workspace.
    """
    token = st.query_params.get("ws")
    if not token or token == ws.token:
        return
    try:
        opened = get_store().open(token)
    except storage.WorkspaceNotFound as exc:
        st.error(f"{exc}. Ask for the link again, or load articles below to start a new workspace.")
        st.query_params.pop("ws", None)
        ws.samples_offered = True
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
    for name in CELLS:  # the cells open and closed as the workspace was saved
        st.session_state[cell_key(name)] = name not in ws.collapsed


def _saved_caption(ws: WorkspaceState) -> str:
    return f"Saved automatically (version {ws.version}). Keep this page's URL: it is your edit link."


def autosave(ws: WorkspaceState, *, status: DeltaGenerator | None = None) -> None:
    """Save an edited workspace at the end of the run that changed it (edit links only).

    ``status`` is the sidebar slot :func:`render` returned; it is updated to the saved version,
    so the sidebar never shows the version from before this run's save.
    """
    if ws.role != "edit" or not ws.dirty or ws.token is None:
        return
    try:
        saved = get_store().save(ws.token, articles=ws.articles, settings=ws.settings_for_store(), name=ws.name)
    except storage.StoreError as exc:
        st.sidebar.error(f"Not saved: {escape_markdown(str(exc))}")
        return
    ws.version, ws.dirty = saved.version, False
    if status is not None:
        status.caption(_saved_caption(ws))


def _adopt(ws: WorkspaceState, created: storage.CreatedWorkspace) -> None:
    ws.token, ws.role, ws.version = created.edit_token, "edit", created.workspace.version
    ws.name, ws.dirty = created.workspace.name, False
    st.session_state[KEY + "share"] = created.view_token
    st.query_params["ws"] = created.edit_token


def _revoke(ws: WorkspaceState) -> None:
    """*Revoke every share link*, in two steps: the first click asks, the second revokes."""
    asking = st.session_state.get(KEY + "revoke_asked", False)
    if not asking:
        if st.sidebar.button("Revoke every share link", key=KEY + "revoke"):
            st.session_state[KEY + "revoke_asked"] = True
            st.rerun()
        if done := st.session_state.pop(KEY + "revoked", None):
            st.sidebar.success(done)
        return
    st.sidebar.warning("Revoke every read-only link? Colleagues who have one will no longer open the workspace. "
                       "Your edit link keeps working.")
    c1, c2 = st.sidebar.columns(2)
    if c1.button("Revoke them", key=KEY + "revoke_yes", type="primary"):
        st.session_state[KEY + "revoke_asked"] = False
        try:
            count = get_store().revoke(ws.token or "", role="view")
        except storage.StoreError as exc:
            st.sidebar.error(escape_markdown(str(exc)))
            return
        st.session_state.pop(KEY + "share", None)
        st.session_state[KEY + "revoked"] = f"Revoked {count} read-only link{'' if count == 1 else 's'}."
        st.rerun()
    if c2.button("Keep them", key=KEY + "revoke_no"):
        st.session_state[KEY + "revoke_asked"] = False
        st.rerun()


def render(ws: WorkspaceState) -> DeltaGenerator | None:
    """The sidebar's workspace controls; returns the slot of the "saved" caption on edit links."""
    st.sidebar.subheader("Workspace")
    if ws.read_only:
        st.sidebar.info(f"**{escape_markdown(ws.name)}** (read-only link)")
        if st.sidebar.button("Make a copy I can edit", key=KEY + "fork"):
            try:
                _adopt(ws, get_store().fork(ws.token or "", name=f"{ws.name} (copy)"))
            except storage.StoreError as exc:
                st.sidebar.error(escape_markdown(str(exc)))
                return None
            st.rerun()
        return None
    name = st.sidebar.text_input("Name", value=ws.name, key=KEY + "name", max_chars=200)
    if name != ws.name:
        ws.name, ws.dirty = name, True
    if ws.role == "edit":
        status = st.sidebar.empty()
        status.caption(_saved_caption(ws))
        share = st.session_state.get(KEY + "share")
        if st.sidebar.button("New read-only share link", key=KEY + "new_share"):
            try:
                share = get_store().new_share_token(ws.token or "")
            except storage.StoreError as exc:
                st.sidebar.error(escape_markdown(str(exc)))
            st.session_state[KEY + "share"] = share
        if share:
            st.sidebar.markdown("Read-only link for colleagues:")
            st.sidebar.code(_link(share), language=None, wrap_lines=True)
        _revoke(ws)
        return status
    if st.sidebar.button("Save and get a share link", key=KEY + "save", disabled=not ws.articles):
        try:
            _adopt(ws, get_store().create(name=ws.name, articles=ws.articles, settings=ws.settings_for_store()))
        except storage.StoreError as exc:
            st.sidebar.error(escape_markdown(str(exc)))
            return None
        st.rerun()
    st.sidebar.caption("Saving stores the articles, side changes and cell layout, and gives a read-only link.")
    return None
