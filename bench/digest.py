"""`python -m bench.digest [FACTS]`: digests of what a change to the index's data structures must keep.

A speed-up of the build or of answering must leave the index's rows, postings, vocabulary and word
vectors, and every answer, byte for byte as they were. This prints a SHA-256 digest (16 hex digits) of
each for the bench's generated store of FACTS facts (default 20,000): run it before and after a change,
with the same PYTHONHASHSEED (string numbering follows set order), and compare. It prints no question
and no answer, only digests.
"""

from __future__ import annotations

import hashlib
import sys

from bench.answering import _questions, generated_store
from briefings.answer import FactIndex
from briefings.files import load_catalogue
from config.settings import CONFIG_DIR

__all__ = ["index_digests"]


def _hex(parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode())
    return digest.hexdigest()[:16]


def index_digests(index: FactIndex, questions: list[str]) -> dict[str, str]:
    """Digests of the index's rows (ids, JSON text, packed records, the string table), postings,
    vocabulary with vectors, and of each answer to `questions` in order."""
    table = index.table
    vectors = table._vectors[: len(table._vector_words)].tobytes() if table._vectors is not None else b""
    return {
        "rows": _hex([table._ids, table._stored, table._strings, *(r.tobytes() if r is not None else b"-" for r in table._records)]),
        "postings": _hex(part for key in sorted(table.postings) for part in (key, table.postings[key].tobytes())),
        "vocabulary and vectors": _hex([sorted(table.vocabulary), sorted(table.plain_words),
                                        sorted(table.names.other_words), table._vector_words, vectors]),
        "answers": _hex(index.answer(q).model_dump_json().encode() for q in questions),
    }


def main(size: int = 20_000) -> None:
    base = load_catalogue(CONFIG_DIR)
    store = generated_store(base, size=size)
    index = FactIndex(store.facts(), sources=base.sources, entities=store.entities)
    last = [fact.statement.split(" on ")[0] for fact in list(store.facts())[-200:]]
    for name, value in index_digests(index, _questions() + last).items():
        print(f"{name:24s} {value}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
