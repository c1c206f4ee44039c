"""Scripts the store tests run as separate processes (and functions a benchmark can call)."""
