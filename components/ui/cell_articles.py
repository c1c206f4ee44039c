"""Cell "Articles": load articles (samples, paste, upload, URL) and manage the loaded set."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components.ingest import limits, loaders
from components.present.filtering import PageFilter
from components.present.safe_markdown import escape_markdown
from components.ui.context import PageContext
from components.ui.state import WorkspaceState, set_filter

KEY = "articles."


def _report(added: int, duplicates: int) -> None:
    if added:
        st.success(f"Added {added} article{'s' if added != 1 else ''}.")
    if duplicates:
        st.info(f"{duplicates} already loaded (same text); skipped.")


def _add(ws: WorkspaceState, new: list[loaders.Article]) -> None:
    """Add the articles, or none of them when the workspace has no room for all the new ones."""
    known = {a.id for a in ws.articles}
    try:
        loaders.ensure_room(len(ws.articles), n_new=len({a.id for a in new} - known))
    except loaders.ArticleLoadError as exc:
        st.error(f"{exc} Remove some articles first.")
        return
    report = ws.add(new)
    st.session_state[KEY + "report"] = report
    if report[0]:
        st.rerun()


def upload_problem(sizes: list[int], *, n_loaded: int) -> str | None:
    """Why an upload of files of these sizes cannot be added to a workspace of ``n_loaded``, or None.

    Checks the total against ``limits.MAX_UPLOAD_MB`` and the count against the workspace cap
    (``articles.ensure_room``); it cannot know how many files are duplicates before reading them.
    """
    if overflow := limits.upload_overflow(sum(sizes)):
        shown, limit = overflow
        return (f"These {len(sizes)} files are {shown} together; one upload may be at most {limit}. "
                "Upload fewer files at a time.")
    try:
        loaders.ensure_room(n_loaded, n_new=len(sizes))
    except loaders.ArticleLoadError as exc:
        return f"{exc} Upload fewer files or remove some articles first."
    return None


def _loader_tabs(ws: WorkspaceState) -> None:
    samples, paste, upload, url = st.tabs(["Samples", "Paste", "Upload", "URL"])
    with samples:
        st.caption("Invented events covered by invented outlets that disagree: a quick way to try the page.")
        if st.button("Load the bundled sample articles", key=KEY + "samples"):
            try:
                _add(ws, loaders.load_samples())
            except loaders.ArticleLoadError as exc:
                st.error(escape_markdown(str(exc)))
    with paste, st.form(KEY + "paste_form", clear_on_submit=True):
        text = st.text_area("Article text", height=180, key=KEY + "paste_text",
                            placeholder="Paste the body of an article here.")
        c1, c2, c3 = st.columns(3)
        title = c1.text_input("Title", key=KEY + "paste_title")
        outlet = c2.text_input("Outlet", key=KEY + "paste_outlet")
        published = c3.date_input("Date", value=None, key=KEY + "paste_date")
        if st.form_submit_button("Add article"):
            try:
                iso = published.isoformat() if isinstance(published, date) else None
                _add(ws, [loaders.from_text(text, title=title, outlet=outlet, published=iso)])
            except loaders.ArticleLoadError as exc:
                st.error(escape_markdown(str(exc)))
    with upload:
        files = st.file_uploader("Files (.txt, .md, .html)", type=["txt", "md", "html", "htm"],
                                 accept_multiple_files=True, key=KEY + "upload",
                                 help=f"At most {limits.MAX_UPLOAD_MB} MB per upload and "
                                      f"{limits.human_size(limits.MAX_ARTICLE_BYTES)} per file.")
        problem = upload_problem([f.size for f in files or []], n_loaded=len(ws.articles))
        if problem:
            st.error(problem)  # our own words and numbers only
        if files and st.button("Add uploaded files", key=KEY + "upload_add", disabled=problem is not None):
            new: list[loaders.Article] = []
            for file in files:
                try:
                    new.append(loaders.from_bytes(file.getvalue(), filename=file.name))
                except loaders.ArticleLoadError as exc:
                    st.error(escape_markdown(f"{file.name}: {exc}"))
            _add(ws, new)
    with url, st.form(KEY + "url_form"):
        address = st.text_input("Article URL (http or https)", key=KEY + "url")
        if st.form_submit_button("Fetch"):
            try:
                with st.spinner("Fetching…"):
                    _add(ws, [loaders.from_url(address)])
            except loaders.ArticleLoadError as exc:
                st.error(escape_markdown(str(exc)))  # the message can quote the server's words


def render(ctx: PageContext, ws: WorkspaceState) -> None:
    st.caption("Load the articles to compare: paste, upload, fetch a URL or take the samples. "
               "Select rows to remove them or to focus the page on one article.")
    if ctx.read_only:
        st.info("This is a read-only shared workspace. Use **Make a copy** in the sidebar to change it.")
    else:
        _loader_tabs(ws)
        report = st.session_state.pop(KEY + "report", None)
        if report:
            _report(*report)
    if ctx.articles.empty:
        st.warning("No articles loaded yet. Start with the **Samples** tab, or paste, upload or fetch one.")
        return
    table = ctx.articles[["title", "outlet", "published", "n_words", "source"]].rename(
        columns={"n_words": "words", "published": "date"}
    )
    event = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="multi-row",
                         key=KEY + "table", width="stretch")
    rows = list(getattr(event, "selection", {}).get("rows", [])) if event else []
    chosen = [str(ctx.articles.iloc[i]["article_id"]) for i in rows if i < len(ctx.articles)]
    c1, c2 = st.columns(2)
    if c1.button(f"Focus the page on {'this article' if len(chosen) == 1 else 'the selected article'}",
                 disabled=len(chosen) != 1, key=KEY + "focus"):
        set_filter(PageFilter("article", chosen[0]))
        st.rerun()
    if not ctx.read_only and c2.button(f"Remove {len(chosen)} selected", disabled=not chosen, key=KEY + "remove"):
        ws.remove(set(chosen))
        st.rerun()
