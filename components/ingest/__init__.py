"""The ingest layer: articles in, from whatever the user gives.

- :mod:`~components.ingest.article`: the :class:`~components.ingest.article.Article` record, its
  content hash and :class:`~components.ingest.article.ArticleLoadError`;
- :mod:`~components.ingest.loaders`: pasted text, uploads, files and folders, URLs, the samples;
- :mod:`~components.ingest.decode`: bytes to text (binary formats refused, encodings read);
- :mod:`~components.ingest.webpage`: HTML to readable text and metadata;
- :mod:`~components.ingest.metadata`: headers, titles, dates and URLs a text gives about itself;
- :mod:`~components.ingest.urlguard` and :mod:`~components.ingest.fetch`: the SSRF guard's
  address checks and the guarded fetching client;
- :mod:`~components.ingest.limits`: the size limits a host can set;
- :mod:`~components.ingest.batching`: ``batched()``, streaming in lists.

The bottom layer: it imports nothing else from ``components``.
"""
