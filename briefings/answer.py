"""Question answering: see `briefings.answering` for the pipeline. Kept as the import path the
rest of the code uses."""

from briefings.answering import Answer, FactIndex

__all__ = ["Answer", "FactIndex"]
