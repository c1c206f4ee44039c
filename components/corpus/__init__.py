"""Corpus mode: a folder of any size analyzed to tables (CSV / Parquet), locally or on Dask.

- :mod:`~components.corpus.sources`: what both engines share (sources, column types);
- :mod:`~components.corpus.local`: one machine, streaming; also the JSON of a set of files;
- :mod:`~components.corpus.dask_engine`: the same job spread over a Dask cluster;
- :mod:`~components.corpus.result`: a written result read back for the page (only the columns it draws).

May import: :mod:`components.analysis`, :mod:`components.present` (the table builders) and the
layers below them; never the page.
"""
