"""The fact table: kept in step by changes as if built afresh, and retrieval that keeps the facts
holding the most of a question when many hold some of it."""

from __future__ import annotations

from datetime import date

from bench.answering import generated_catalogue
from briefings.answering import FactIndex
from briefings.answering.score import MAX_COUNTED, MAX_SCORED, prepare
from briefings.files import load_catalogue
from briefings.models import Catalogue, Entity
from config.settings import CONFIG_DIR

QUESTIONS = [
    "who led the singapore delegation",
    "who led the chinese delegation",
    "when is the summit",
    "where did Sung Kim meet Choe Son Hui?",
    "what did Trump say about the summit?",
    "is the summit still on?",
    "tell me about Kim Jong Un",
    "what's the latest?",
]


def _today() -> date:
    return date(2026, 12, 6)


def test_an_index_changed_in_place_answers_as_one_built_afresh(index: FactIndex) -> None:
    curated = load_catalogue(CONFIG_DIR)
    changed = FactIndex.from_catalogue(curated, lexicon=index.lexicon, today=_today)
    facts = dict(curated.facts)
    entities = dict(curated.entities)
    ids = sorted(facts)
    for fact_id in ids[::7]:  # retire some
        changed.remove(fact_id)
        del facts[fact_id]
    for fact_id in ids[3::11]:  # edit others: a new statement, so new words and new postings
        fact = facts.get(fact_id)
        if fact is not None:
            edited = fact.model_copy(update={"statement": fact.statement + " The talks went on past midnight."})
            changed.upsert(edited)
            facts[fact_id] = edited
    renamed = next(e for e in entities.values() if e.aliases)
    entity = Entity(id=renamed.id, name=renamed.name, kind=renamed.kind, aliases=[*renamed.aliases, "the envoy"])
    changed.upsert_entity(entity)
    entities[entity.id] = entity
    afresh = FactIndex.from_catalogue(Catalogue(sources=curated.sources, entities=entities, facts=facts), lexicon=index.lexicon,
                       today=_today)
    afresh_entities = FactIndex.from_catalogue(Catalogue(sources=curated.sources, entities=entities, facts={}),
                                lexicon=index.lexicon, today=_today)
    assert len(changed) == len(afresh)
    for question in QUESTIONS:
        assert changed.answer(question) == afresh.answer(question), question
    for word in ("envoy", "delegation", "heron"):
        assert changed.table.names.holds(word) == afresh_entities.table.names.holds(word)


def _reference_candidates(table, needs, *, total: float, threshold: float) -> set[str]:
    """Retrieval as sets of fact ids, the plain way: what `FactTable.retrieve` must return."""
    def holders(keys: list[str]) -> set[str]:
        return {table._ids[r] for k in keys for r in table.postings.get(k, ())}

    found: set[str] = set()
    remaining = sum(w for _, w in needs)
    for keys, weight in needs:
        found |= holders(keys)
        remaining -= weight
        if remaining / total < threshold * 0.5:
            break
    if len(found) <= MAX_SCORED:
        return found
    held = dict.fromkeys(found, 0.0)
    for keys, weight in needs:
        have = holders(keys)
        if len(have) <= MAX_COUNTED:
            for fact_id in have & found:
                held[fact_id] += weight
    return set(sorted(found, key=lambda f: (-held[f], f))[:MAX_SCORED])


def test_retrieval_keeps_the_facts_that_hold_most_of_the_question(index: FactIndex) -> None:
    catalogue = generated_catalogue(load_catalogue(CONFIG_DIR), size=3000)
    big = FactIndex.from_catalogue(catalogue, lexicon=index.lexicon, today=_today)
    statements = [f.statement.split(" on ")[0] for f in list(catalogue.facts.values())[-40:]]
    many = 0
    for question in statements + QUESTIONS:
        classified = big.read(question)
        total = prepare(classified, big.table)
        if total <= 0:
            continue
        needs = [([f"w:{w}" for w in n.lemmas], n.weight) for n in classified.needs if n.lemmas]
        needs.sort(key=lambda kw: sum(big.table.df(k) for k in kw[0]))
        got = big.table.retrieve(needs, total=total, threshold=big.threshold, limit=MAX_SCORED,
                                 count_limit=MAX_COUNTED)
        assert got == _reference_candidates(big.table, needs, total=total, threshold=big.threshold), question
        many += len(got) == MAX_SCORED
    assert many  # some questions had more holders than are scored: the cut was exercised


def test_an_adverb_in_ly_holds_its_adjective() -> None:
    from briefings.answering.lexicon import Lexicon

    assert "abrupt" in Lexicon.lemmas("abruptly") and "public" in Lexicon.lemmas("publicly")
    assert Lexicon.lemmas("early") == {"early"}  # "ear" is no adjective


def test_a_synonym_in_a_rare_sense_counts_fully_only_when_the_embedding_also_sees_it(index: FactIndex) -> None:
    """WordNet links "agree" to "hold" and "leave" to "lead" through a sense of "hold" and of "leave" far
    down their lists, not the one a fact about holding talks or leading a delegation means; "try" and
    "seek" share the first senses of both."""
    from briefings.answering.facts import SYNONYM_CREDIT
    from briefings.answering.lexicon import Lexicon

    assert not Lexicon.shares_a_common_sense("agree", "hold") and Lexicon.shares_a_common_sense("try", "seek")
    assert index.table.near(frozenset({"agree"}))["hold"] < 0.5
    assert index.table.near(frozenset({"leave"}))["lead"] < 0.5
    assert index.table.near(frozenset({"try"}))["seek"] == SYNONYM_CREDIT


def test_a_word_said_only_in_a_persons_name_is_no_synonym(fresh_index: FactIndex) -> None:
    """"Grant" in a person's name is not the verb that "give" means; once a fact says it as a word, it is."""
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    fresh_index.upsert_entity(Entity(id="grant-hale", name="Grant Hale", kind=EntityKind.person))
    fresh_index.upsert(Fact.model_validate({
        "id": "hale-visit", "subject": "grant-hale", "relation": "visited", "topic": "timeline",
        "statement": "Grant Hale visited Seoul.", "provenance": provenance}))
    assert "grant" in fresh_index.table.vocabulary
    assert "grant" not in fresh_index.table.near(frozenset({"give"}))
    fresh_index.upsert(Fact.model_validate({
        "id": "aid-grant", "subject": "south-korea", "relation": "offered", "topic": "timeline",
        "statement": "South Korea offered to grant food aid.", "provenance": provenance}))
    assert "grant" in fresh_index.table.near(frozenset({"give"}))
