"""Charts on the page, converted to Vega-Lite once and drawn from the converted spec.

``st.altair_chart`` converts the altair object on every run: ``to_dict`` validates the whole
spec against the Vega-Lite JSON schema (10 to 30 ms a chart, most of a rerun's server time with
a dozen charts) and the data goes to Arrow again. The page converts each chart once, without
the validation (the builders' output is checked in ``tests/present/test_charts.py``, and the
browser's vega-lite still refuses a bad spec), keeps it in :meth:`PageContext.memo` and hands
it to ``st.vega_lite_chart``; a rerun that changes nothing in a chart converts nothing.

For the same reason the page builds charts with altair's debug mode off: in it, every object
altair makes is validated against its schema as it is made (a third of a filtered rerun's chart
building). The tests build the same charts with it on and validate what they produce.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import pyarrow as pa
import streamlit as st
from altair.utils import schemapi

from components.present.charts import element_height
from components.ui.context import PageContext

schemapi.disable_debug_mode()

#: What altair's default theme adds to every spec; Streamlit drops it too (it sizes charts itself).
_DEFAULT_CONFIG = {"view": {"continuousWidth": 300, "continuousHeight": 300}}


def _arrow(records: list[dict[str, Any]]) -> bytes:
    """Rows as Arrow IPC stream bytes, the format Streamlit sends chart datasets in."""
    table = pa.Table.from_pylist(records)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def to_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The Vega-Lite spec of ``chart`` with its datasets as Arrow bytes (named by their content)."""
    spec = chart.to_dict(validate=False)
    if spec.get("config") == _DEFAULT_CONFIG:
        del spec["config"]
    datasets: dict[str, bytes] = {}
    renamed: dict[str, str] = {}
    for name, records in spec.get("datasets", {}).items():
        data = _arrow(records)
        renamed[name] = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        datasets[renamed[name]] = data
    spec["datasets"] = datasets
    _rename_data(spec, renamed)
    return spec


def _rename_data(node: Any, renamed: dict[str, str]) -> None:
    """Point every ``{"data": {"name": ...}}`` of the spec at its dataset's new name."""
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and data.get("name") in renamed:
            node["data"] = {**data, "name": renamed[data["name"]]}
        for key, value in node.items():
            if key != "datasets":
                _rename_data(value, renamed)
    elif isinstance(node, list):
        for item in node:
            _rename_data(item, renamed)


@dataclass(frozen=True)
class PreparedChart:
    """A chart converted for the page: its Vega-Lite spec (data as Arrow) and its element height."""

    spec: dict[str, Any]
    height: int


def prepare(chart: alt.TopLevelMixin) -> PreparedChart:
    """Convert ``chart`` once (see the module docstring)."""
    return PreparedChart(spec=to_spec(chart), height=element_height(chart))


def show(chart: PreparedChart, *, key: str | None = None, on_select: Any = "ignore") -> Any:
    """Draw a prepared chart across the cell; returns the selection state when ``on_select`` is set."""
    spec = {**chart.spec, "datasets": dict(chart.spec.get("datasets", {}))}  # Streamlit takes them out
    return st.vega_lite_chart(spec=spec, key=key, on_select=on_select, width="stretch", height=chart.height)


def signature(frame: pd.DataFrame, columns: list[str] | None = None) -> str:
    """A short hash of a frame's content (``columns`` only): charts are kept by the data they draw,
    so a filter that leaves a chart's rows as they were draws the chart from memory."""
    part = frame[columns] if columns is not None else frame
    hashed = pd.util.hash_pandas_object(part.astype(str), index=False).to_numpy()
    return hashlib.sha1(hashed.tobytes(), usedforsecurity=False).hexdigest()[:16]


@st.cache_data(show_spinner=False, max_entries=1024)
def _shared(key: str, _build: Callable[[], Any]) -> Any:
    """What ``_build()`` returns, kept for every session: a chart of the same data and colours is
    the same chart (``key`` names both). ``st.cache_data`` hands each session its own copy."""
    del key
    return _build()


def shared(ctx: PageContext, name: str, data: pd.DataFrame, build: Callable[[], Any], *,
           columns: list[str] | None = None) -> Any:
    """``build()`` (prepared charts) once per content of ``data`` and the analysis's side colours,
    for every filter and every session; then from this session's memory."""
    key = f"{name}|{signature(data, columns)}|{ctx.colors.key}"
    return ctx.memo(f"shared|{key}", lambda: _shared(key, build), by_filter=False)


def prepared_for(ctx: PageContext, name: str, data: pd.DataFrame, build: Callable[[], alt.TopLevelMixin], *,
                 columns: list[str] | None = None) -> PreparedChart:
    """The chart ``build()`` makes of ``data``, converted once per content of ``data`` (see :func:`shared`)."""
    return shared(ctx, name, data, lambda: prepare(build()), columns=columns)
