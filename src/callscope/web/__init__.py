"""The web UI: HTML pages over the corpus (mounted by :mod:`callscope.api.app`)."""
