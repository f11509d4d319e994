"""The digest check of the bench: the same facts give the same digests, and a changed fact another."""

from __future__ import annotations

from bench.answering import generated_catalogue
from bench.digest import index_digests
from briefings.answer import FactIndex
from briefings.files import load_catalogue
from config.settings import CONFIG_DIR


def test_digests_are_the_same_for_the_same_facts_and_change_with_a_fact() -> None:
    catalogue = generated_catalogue(load_catalogue(CONFIG_DIR), size=600)
    questions = ["when is the summit", "who met whom in spring"]
    first = index_digests(FactIndex.from_catalogue(catalogue), questions)
    assert first == index_digests(FactIndex.from_catalogue(catalogue), questions)
    changed = dict(catalogue.facts)
    fact = changed["gen-fact-0"]
    changed["gen-fact-0"] = fact.model_copy(update={"statement": fact.statement.replace(" on ", " late on ")})
    other = index_digests(FactIndex.from_catalogue(catalogue.model_copy(update={"facts": changed})), questions)
    assert other["rows"] != first["rows"] and other["postings"] != first["postings"]
