"""The REST API and web UI (the ``[web]`` extra): ``create_app(Settings(...))``.

``callscope serve`` runs it with uvicorn on 127.0.0.1; the JSON of a call is the codec's, the
same as ``callscope parse --json``.
"""

from __future__ import annotations

from callscope.api.app import DEFAULT_HOST, DEFAULT_PORT, create_app
from callscope.api.settings import Settings

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "Settings", "create_app"]
