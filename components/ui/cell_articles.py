"""Cell "Articles": load articles (samples, paste, upload, URL) and manage the loaded set."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date

import streamlit as st

from components.ingest import limits, loaders
from components.present import tables
from components.present.filtering import PageFilter
from components.present.safe_markdown import escape_markdown
from components.ui.context import PageContext
from components.ui.state import WorkspaceState, open_article, set_filter

KEY = "articles."
TABS = ["Samples", "Paste", "Upload", "URL"]
REPORT = KEY + "report"
UPLOAD_GENERATION = KEY + "upload_generation"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of what happened to one thing the user gave: ``ok`` added, else why not."""

    ok: bool
    text: str


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def _show_report() -> None:
    for line in st.session_state.pop(REPORT, []):
        (st.success if line.ok else st.error)(line.text)


def _title(article: loaders.Article) -> str:
    return article.title or "(untitled)"


def _add(ws: WorkspaceState, new: list[loaders.Article], *, lines: list[Line] | None = None,
         names: list[str] | None = None) -> bool:
    """Add the articles (or none when the workspace has no room for all) and report each on its line.

    ``names`` are the files the articles came from (one per article), for the report; ``lines``
    holds what was already said about the others (refused files). The first new article opens
    in the reading view. Returns True when anything was added (the page then reruns).
    """
    lines = list(lines or [])
    known = {a.id for a in ws.articles}
    try:
        loaders.ensure_room(len(ws.articles), n_new=len({a.id for a in new} - known))
    except loaders.ArticleLoadError as exc:
        lines.append(Line(False, f"{escape_markdown(str(exc))} Remove some articles first."))
        st.session_state[REPORT] = lines
        _show_report()
        return False
    fresh: list[loaders.Article] = []
    for n, article in enumerate(new):
        prefix = f"{escape_markdown(names[n])}: " if names else ""
        if article.id in known:
            lines.append(Line(True, f"{prefix}already loaded (same text as “{escape_markdown(_title(article))}”); "
                                    "skipped."))
            continue
        known.add(article.id)
        fresh.append(article)
        lines.append(Line(True, f"{prefix}added “{escape_markdown(_title(article))}”."))
    ws.add(fresh)
    if fresh:
        lines.append(Line(True, f"Added {_plural(len(fresh), 'article')}; “{escape_markdown(_title(fresh[0]))}” "
                                "is open in the Reading view."))
        open_article(fresh[0].id)
    st.session_state[REPORT] = lines
    if fresh:
        st.rerun()
    _show_report()
    return bool(fresh)


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


def _file_error(name: str, exc: Exception) -> str:
    """The loader's message, with the file's name in front unless the message starts with it already."""
    message = str(exc)
    return escape_markdown(message if message.startswith(name) else f"{name}: {message}")


def _samples_tab(ws: WorkspaceState) -> None:
    st.caption("Invented events covered by invented outlets that disagree: a quick way to try the page.")
    try:
        samples = loaders.load_samples()
    except loaders.ArticleLoadError as exc:
        st.error(escape_markdown(str(exc)))
        return
    loaded = {a.id for a in ws.articles}
    missing = [a for a in samples if a.id not in loaded]
    if not missing:
        st.caption(f"The {len(samples)} sample articles are loaded.")
    elif st.button("Load the bundled sample articles" if len(missing) == len(samples)
                   else f"Load the {_plural(len(missing), 'missing sample')}", key=KEY + "samples"):
        _add(ws, missing)


def _paste_tab(ws: WorkspaceState) -> None:
    with st.form(KEY + "paste_form", clear_on_submit=True):
        text = st.text_area("Article text", height=180, key=KEY + "paste_text",
                            placeholder="Paste the body of an article here.")
        c1, c2, c3 = st.columns(3)
        title = c1.text_input("Title", key=KEY + "paste_title")
        outlet = c2.text_input("Outlet", key=KEY + "paste_outlet")
        published = c3.date_input("Date", value=None, key=KEY + "paste_date")
        submitted = st.form_submit_button("Add article")
    if submitted:
        try:
            iso = published.isoformat() if isinstance(published, date) else None
            article = loaders.from_text(text, title=title, outlet=outlet, published=iso)
        except loaders.ArticleLoadError as exc:
            st.error(escape_markdown(str(exc)))
            return
        _add(ws, [article])


def _upload_tab(ws: WorkspaceState) -> None:
    generation = st.session_state.get(UPLOAD_GENERATION, 0)
    files = st.file_uploader("Files (.txt, .md, .html)", type=["txt", "md", "html", "htm"],
                             accept_multiple_files=True, key=f"{KEY}upload.{generation}",
                             help=f"At most {limits.MAX_UPLOAD_MB} MB per upload and "
                                  f"{limits.human_size(limits.MAX_ARTICLE_BYTES)} per file.")
    problem = upload_problem([f.size for f in files or []], n_loaded=len(ws.articles))
    if problem:
        st.error(problem)  # our own words and numbers only
    if files and st.button("Add uploaded files", key=KEY + "upload_add", disabled=problem is not None):
        new: list[loaders.Article] = []
        names: list[str] = []
        refused: list[Line] = []
        for file in files:
            try:
                new.append(loaders.from_bytes(file.getvalue(), filename=file.name))
                names.append(file.name)
            except loaders.ArticleLoadError as exc:
                refused.append(Line(False, _file_error(file.name, exc)))
        st.session_state[UPLOAD_GENERATION] = generation + 1  # the next run shows an empty uploader
        if not _add(ws, new, lines=refused, names=names) and not new:
            st.session_state[UPLOAD_GENERATION] = generation  # nothing added: keep the files to fix


def _url_tab(ws: WorkspaceState) -> None:
    with st.form(KEY + "url_form"):
        address = st.text_input("Article URL (http or https)", key=KEY + "url")
        submitted = st.form_submit_button("Fetch")
    if submitted:
        try:
            with st.spinner("Fetching…"):
                article = loaders.from_url(address)
        except loaders.ArticleLoadError as exc:
            st.error(escape_markdown(str(exc)))  # the message can quote the server's words
            return
        _add(ws, [article])


def _loader_tabs(ws: WorkspaceState) -> None:
    """The four ways in, in tabs that keep the one the user chose (only its content runs)."""
    chosen = st.tabs(TABS, key=KEY + "tab", on_change="rerun")
    for tab, draw in zip(chosen, (_samples_tab, _paste_tab, _upload_tab, _url_tab), strict=True):
        if tab.open is not False:
            with tab:
                draw(ws)


def _focus(article_id: str) -> None:
    set_filter(PageFilter("article", article_id))


def _remove(ws: WorkspaceState, ids: list[str]) -> None:
    ws.remove(set(ids))


def render(ctx: PageContext, ws: WorkspaceState) -> None:
    st.caption("Load the articles to compare: paste, upload, fetch a URL or take the samples. "
               "Select rows to remove them or to focus the page on one article.")
    if ctx.read_only:
        st.info("This is a read-only shared workspace. Use **Make a copy** in the sidebar to change it.")
    else:
        _show_report()
        _loader_tabs(ws)
    if ctx.articles.empty:
        st.warning("No articles loaded yet. Start with the **Samples** tab, or paste, upload or fetch one.")
        return
    shown = ctx.articles
    if ctx.page_filter is not None:
        matching = ctx.matching_articles()
        st.caption(f"Filtered: {_plural(len(matching), 'article')} of {len(ctx.articles)} hold what the filter "
                   "keeps (marked ✓ in the Reading view). This list still shows every article: it is where you "
                   "manage them.")
    table = tables.for_display(shown[["title", "outlet", "published", "n_words", "source"]]).rename(
        columns={"n_words": "words", "published": "date"})
    signature = zlib.crc32("|".join(shown["article_id"]).encode())  # a new list gets a fresh selection
    event = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="multi-row",
                         key=f"{KEY}table.{signature}", width="stretch")
    rows = list(getattr(event, "selection", {}).get("rows", [])) if event else []
    chosen = [str(shown.iloc[i]["article_id"]) for i in rows if i < len(shown)]
    c1, c2 = st.columns(2)
    c1.button("Focus the page on this article", disabled=len(chosen) != 1, key=KEY + "focus",
              on_click=_focus, args=(chosen[0] if len(chosen) == 1 else "",),
              help="Filters every cell to the selected article and opens it in the Reading view.")
    if not ctx.read_only:
        label = f"Remove the {_plural(len(chosen), 'selected article')}" if chosen else "Remove selected"
        if c2.button(label, disabled=not chosen, key=KEY + "remove"):
            _remove(ws, chosen)
            st.rerun()
