"""A small static embedding model for paraphrase matching, loaded offline from the installed package.

The model (`briefings/embedding_model/`) is a model2vec distillation of sentence-transformers'
all-MiniLM-L6-v2: one vector per WordPiece token, precomputed by running the transformer over each
token, reduced by PCA and weighted by token frequency (SIF) at build time
(`tools/build_embedding_model.py`). A text's vector is the mean of its tokens' vectors, L2-normalised,
exactly as model2vec's `StaticModel.encode` computes it, so there is no transformer, no torch and no
download at run time: numpy for the arithmetic and `tokenizers` for the WordPiece split.

Load it once per process (`Embedder.load()`) and hold it; every method is deterministic and runs in
the calling thread.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

__all__ = ["MODEL_DIR", "Embedder"]

MODEL_DIR = Path(__file__).with_name("embedding_model")
"""Where the packaged model lives: `vectors.npy`, `tokenizer.json`, `config.json`."""

_FILES = ("config.json", "vectors.npy", "tokenizer.json")
_MAX_TOKENS = 512  # a text's tokens past this are dropped, as model2vec's encode does by default
_CHUNK = 1024  # texts tokenised and summed at a time: bounds the scratch memory of a big batch


class Embedder:
    """Texts and words to unit vectors in one space, where a paraphrase lies close to its original.

    `embed` gives one L2-normalised float32 row per text; the dot product of two rows is their
    cosine similarity. A text with no known token gets the zero vector (similar to nothing).
    """

    def __init__(self, vectors: np.ndarray, tokenizer: Tokenizer) -> None:
        if vectors.ndim != 2 or vectors.shape[0] != tokenizer.get_vocab_size():
            raise ValueError(
                f"the embedding model is inconsistent: {vectors.shape[0]} vectors for "
                f"{tokenizer.get_vocab_size()} tokens"
            )
        # Kept as stored (int8 with one scale for the whole table, or float16): 30k x 256 at one byte
        # a number is 7.5 MB. Rows become float32 only when gathered; the scale cancels in the normalisation.
        self._vectors = vectors
        self._vectors.setflags(write=False)
        self._tokenizer = tokenizer
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(_MAX_TOKENS)
        self._unknown = tokenizer.token_to_id("[UNK]")

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> Embedder:
        """The packaged model (or one built into `directory`); reads only local files."""
        missing = [name for name in _FILES if not (directory / name).is_file()]
        if missing:
            raise ValueError(f"the embedding model in {directory} lacks {', '.join(missing)} (reinstall briefbot)")
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        vectors = np.load(directory / "vectors.npy", allow_pickle=False)
        tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        if config.get("dim") != vectors.shape[1]:
            raise ValueError(f"the embedding model in {directory} does not match its config.json")
        return cls(vectors, tokenizer)

    @property
    def dim(self) -> int:
        """Length of every vector."""
        return int(self._vectors.shape[1])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text (len(texts) x dim, float32): the mean of its tokens' vectors."""
        if isinstance(texts, str):
            raise TypeError("embed takes a sequence of texts; wrap one text in a list")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), _CHUNK):
            self._embed_into(out[start : start + _CHUNK], texts[start : start + _CHUNK])
        return out

    def _embed_into(self, out: np.ndarray, texts: Sequence[str]) -> None:
        """Texts of the same token count are summed together in one gather (as model2vec does):
        much faster than a segmented sum over one flat list."""
        by_length: dict[int, list[int]] = {}
        ids = [self._token_ids(text) for text in texts]
        for row, tokens in enumerate(ids):
            if tokens:
                by_length.setdefault(len(tokens), []).append(row)
        for rows in by_length.values():
            sums = self._vectors[np.array([ids[r] for r in rows])].sum(axis=1, dtype=np.float32)
            # The mean's 1/n cancels in the normalisation, so the sum is normalised directly.
            norms = np.linalg.norm(sums, axis=1, keepdims=True)
            out[rows] = sums / np.where(norms > 0, norms, 1.0)

    def word(self, word: str) -> np.ndarray | None:
        """The unit vector of one word (its WordPiece pieces averaged), or None when the word is
        empty, is more than one word, or has no known piece."""
        stripped = word.strip()
        if not stripped or any(c.isspace() for c in stripped):
            return None
        row = self.embed([stripped])[0]
        return row if row.any() else None

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two texts, in [-1, 1]; 0 when either has no known token."""
        first, second = self.embed([a, b])
        return float(first @ second)

    def _token_ids(self, text: str) -> list[int]:
        ids = self._tokenizer.encode(text, add_special_tokens=False).ids
        return [i for i in ids if i != self._unknown]
