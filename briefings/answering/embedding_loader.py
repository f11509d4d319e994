"""The packaged embedding model, loaded once per process (offline, from the installed package)."""

from __future__ import annotations

import functools
import logging

__all__ = ["load_embedder"]

log = logging.getLogger("briefbot")


@functools.lru_cache(maxsize=1)
def load_embedder():  # -> briefings.embedding.Embedder | None
    try:
        from briefings.embedding import Embedder
    except ImportError:  # a checkout without the model: answer by lemmas alone
        log.warning("the embedding model is not installed: near-synonyms are not read")
        return None
    return Embedder.load()
