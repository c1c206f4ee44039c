"""The presentation layer: pandas tables, altair chart builders, page filters, highlighting, the report.

Pure builders: records or DataFrames in, DataFrames, chart specs or escaped HTML out. Nothing
here imports streamlit (:mod:`components.ui` renders what these build).

May import: :mod:`components.analysis` and the layers below it.
"""
