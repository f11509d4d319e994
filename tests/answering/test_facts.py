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


def test_an_index_built_batch_by_batch_holds_what_one_built_at_once_holds(index: FactIndex) -> None:
    """The bot adds a big store's facts a batch at a time (`FactIndex.add_facts`); the rows, postings and
    words learnt are those of the index built from all the facts at once, and so are the answers."""
    catalogue = generated_catalogue(load_catalogue(CONFIG_DIR), size=1500)
    facts = list(catalogue.facts.values())
    whole = FactIndex.from_catalogue(catalogue, lexicon=index.lexicon, today=_today)
    batched = FactIndex((), sources=catalogue.sources, entities=catalogue.entities, lexicon=index.lexicon, today=_today)
    for start in range(0, len(facts), 400):
        batched.add_facts(facts[start : start + 400])
    one, other = whole.table, batched.table
    assert list(one.facts) == list(other.facts)
    for fact_id in list(one.facts)[::7]:
        a, b = one.facts[fact_id], other.facts[fact_id]
        assert (a.lemmas, a.name_lemmas, a.entities, a.days, a.years, a.words, a.unlinked_names, a.number, a.clock,
                a.causal, a.timed, a.length) == (b.lemmas, b.name_lemmas, b.entities, b.days, b.years, b.words,
                                                 b.unlinked_names, b.number, b.clock, b.causal, b.timed, b.length)
        assert a.fact == b.fact
    assert {k: list(v) for k, v in one.postings.items()} == {k: list(v) for k, v in other.postings.items()}
    assert (one.vocabulary, one.plain_words, one.names.other_words) == (other.vocabulary, other.plain_words,
                                                                        other.names.other_words)
    assert sorted(one._vector_words) == sorted(other._vector_words)
    for question in [f.statement.split(" on ")[0] for f in facts[-5:]] + QUESTIONS[:3]:
        assert whole.answer(question) == batched.answer(question), question


def _reference_candidates(table, needs, *, total: float, threshold: float) -> set[str]:
    """Retrieval as sets of fact ids, the plain way: what `FactTable.retrieve` must return."""
    def holders(keys: list[str]) -> set[str]:
        return {fact_id for k in keys for fact_id in table.holders(k)}

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


def test_the_words_the_english_list_lacks_cost_one_entry_and_one_string_each() -> None:
    """A store's tens of thousands of names are not in the English list: they share its one empty entry,
    and a name's lemma is the name's own string, not a copy."""
    from briefings.answering.lexicon import Lexicon

    assert Lexicon._entry("zorvakim") is Lexicon._entry("quellidon")
    name = "".join(["tarv", "onesk"])  # a string of its own, as a statement's word is
    assert next(iter(Lexicon.lemmas(name))) is name and Lexicon.lemmas("Tarvonesk") == {"tarvonesk"}


def test_a_headline_verb_of_the_vocabulary_is_said_by_its_plain_word(index: FactIndex) -> None:
    assert index.table.near(frozenset({"ink"})).get("sign") == 1.0  # "to ink a pact" is to sign it


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


def test_the_word_that_opens_a_later_sentence_is_no_name(fresh_index: FactIndex) -> None:
    from briefings.models import Fact

    provenance = {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    fresh_index.upsert(Fact.model_validate({
        "id": "envoy-stay", "subject": "kim-jong-un", "relation": "stayed", "topic": "timeline",
        "statement": "Kim Jong Un stayed two nights in Vladivostok. Days later, Pyongyang named a new envoy; "
                     "Tumen officials welcomed it.", "provenance": provenance}))
    item = fresh_index.table.facts["envoy-stay"]
    assert "days" not in item.unlinked_names  # a capital every sentence's first word has: no "who" or "where"
    assert {"vladivostok", "tumen"} <= item.unlinked_names


def test_a_fact_is_read_as_words_names_and_times(fresh_index: FactIndex) -> None:
    """Capitalised runs no entity holds are names (matched exactly, never as words), a stop ends a
    run, the entities a statement names are linked, a decade gives its years, and what is written in
    lower case is known as a plain word."""
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    fresh_index.upsert_entity(Entity(id="grant-hale", name="Grant Hale", kind=EntityKind.person))
    fresh_index.upsert(Fact.model_validate({
        "id": "hale-flight", "subject": "grant-hale", "relation": "flew_to", "topic": "timeline",
        "statement": "Grant Hale flew Air Koryo to the Sofitel Legend Metropole; Moon Jae-in had waited there "
                     "since the early 2000s.", "provenance": provenance}))
    table = fresh_index.table
    item = table.facts["hale-flight"]
    assert item.name_lemmas == item.unlinked_names == {"air", "koryo", "sofitel", "legend", "metropole"}
    assert {"fly", "wait", "grant", "moon"} <= item.lemmas and not item.lemmas & item.name_lemmas
    assert item.entities == {"grant-hale", "moon-jae-in"}
    assert item.years == set(range(2000, 2010))
    assert "fly" in table.plain_words and "koryo" not in table.plain_words and "koryo" in table.names.other_words


def test_a_keyword_written_as_a_name_is_no_plain_word(fresh_index: FactIndex) -> None:
    """A keyword is typed as the statement is: "Valdora" written with a capital is a name there too, so a
    question that writes it small ("the valdora dam") still asks of the place, not of a common word."""
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    fresh_index.upsert_entity(Entity(id="grant-hale", name="Grant Hale", kind=EntityKind.person))
    fresh_index.upsert(Fact.model_validate({
        "id": "hale-dam", "subject": "grant-hale", "relation": "inspected", "topic": "timeline",
        "statement": "Grant Hale inspected the dam at Valdora.", "keywords": ["Valdora, Pentagon, flood gates, ICBM"],
        "provenance": provenance}))
    table = fresh_index.table
    assert "valdora" not in table.plain_words
    assert {"flood", "gate", "pentagon", "icbm"} <= table.plain_words  # words English has, and letters


def test_a_countrys_adjective_opening_a_title_names_the_country(fresh_index: FactIndex) -> None:
    """"Ruritanian Foreign Minister Rupert Hentzau": the adjective says whose minister he is, so the fact
    names Ruritania; a country's or a city's own name opening a name ("China Daily", "Seoul National
    University") names another thing."""
    from briefings.models import Entity, EntityKind, Fact

    provenance = {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    fresh_index.upsert_entity(Entity(id="ruritania", name="Ruritania", kind=EntityKind.country,
                                     aliases=["Ruritanian"]))
    fresh_index.upsert(Fact.model_validate({
        "id": "hentzau-visit", "subject": "moon-jae-in", "relation": "met", "topic": "timeline",
        "statement": "Moon Jae-in met Ruritanian Foreign Minister Rupert Hentzau at Seoul National University, "
                     "as the China Daily reported.", "provenance": provenance}))
    assert fresh_index.table.facts["hentzau-visit"].entities == {"moon-jae-in", "ruritania"}


def test_an_entity_named_as_two_joined_by_and_is_their_pair(fresh_index: FactIndex) -> None:
    """"East and West Ruritania" is the pair of East Ruritania and West Ruritania (the first name's last
    word elided), and a fact that names both is about the pair."""
    from briefings.models import Entity, EntityKind, Fact

    for slug, name, aliases in (("east-ruritania", "East Ruritania", []), ("west-ruritania", "West Ruritania", []),
                                ("ruritanias", "the Ruritanias", ["East and West Ruritania", "inter-Ruritanian"])):
        fresh_index.upsert_entity(Entity(id=slug, name=name, kind=EntityKind.country, aliases=aliases))
    assert fresh_index.table.members("ruritanias") == {"east-ruritania", "west-ruritania"}
    assert fresh_index.table.members("east-ruritania") == frozenset()
    fresh_index.upsert(Fact.model_validate({
        "id": "ruritania-match", "subject": "east-ruritania", "relation": "played", "object": "west-ruritania",
        "topic": "timeline", "statement": "East Ruritania and West Ruritania played a chess match in Strelsau.",
        "provenance": {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z",
                       "recorded_by": "console:ana"}}))
    answer = fresh_index.answer("Where was the inter-Ruritanian chess match played?")
    assert answer.found and answer.facts[0] == "ruritania-match"


def test_initials_a_name_writes_with_dots_are_one_word_of_it(fresh_index: FactIndex) -> None:
    """"the U.N. refugee agency": a question that writes the initials as one word ("the UN agency") says a
    word of the name, as "U.N." does."""
    from briefings.models import Entity, EntityKind, Fact

    fresh_index.upsert_entity(Entity(id="unhcr", name="UNHCR", kind=EntityKind.organisation,
                                     aliases=["the U.N. refugee agency"]))
    fresh_index.upsert(Fact.model_validate({
        "id": "unhcr-camps", "subject": "unhcr", "relation": "counted", "topic": "timeline",
        "statement": "UNHCR counted 4 camps on the Tumen River in 2021.",
        "provenance": {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z",
                       "recorded_by": "console:ana"}}))
    assert "un" in fresh_index.table.facts["unhcr-camps"].lemmas
    answer = fresh_index.answer("How many camps did the UN agency count on the Tumen River?")
    assert answer.found and "4 camps" in answer.answer


def test_facts_added_and_changed_after_a_build_are_read_as_a_rebuild_reads_them(index: FactIndex) -> None:
    """What a build keeps to read the next fact faster (each word's lemmas, each entity's name words,
    the keys of each day) never makes a fact added or changed later read otherwise than a fresh build
    of the same facts reads it: the same reading, the same postings."""
    from briefings.models import Entity, EntityKind

    catalogue = generated_catalogue(load_catalogue(CONFIG_DIR), size=1200)
    facts = list(catalogue.facts.values())
    changed = FactIndex(facts[:-100], sources=catalogue.sources, entities=catalogue.entities, lexicon=index.lexicon,
                        today=_today)
    newcomer = Entity(id="vela-orsk", name="Vela Orsk", kind=EntityKind.organisation, aliases=["the Orsk bureau"])
    changed.upsert_entity(newcomer)
    final = {f.id: f for f in facts}
    for fact in facts[-100:]:
        changed.upsert(fact)
    for fact in facts[200:1100:90]:  # new words, the new entity, another day, a count and a time of day
        edited = fact.model_copy(update={
            "statement": f"Vela Orsk quietly overruled {fact.statement[:-1]} at 11 p.m. with 3 objections on 4 July 2019.",
            "object": "vela-orsk"})
        changed.upsert(edited)
        final[fact.id] = edited
    entities = {**catalogue.entities, newcomer.id: newcomer}
    afresh = FactIndex(final.values(), sources=catalogue.sources, entities=entities, lexicon=index.lexicon, today=_today)
    one, other = changed.table, afresh.table
    assert sorted(one.facts) == sorted(other.facts)
    for fact_id in other.facts:
        a, b = one.facts[fact_id], other.facts[fact_id]
        assert (a.lemmas, a.name_lemmas, a.entities, a.days, a.years, a.words, a.unlinked_names, a.number, a.clock,
                a.causal, a.timed, a.length) == (b.lemmas, b.name_lemmas, b.entities, b.days, b.years, b.words,
                                                 b.unlinked_names, b.number, b.clock, b.causal, b.timed, b.length)
    edited_item = one.facts[facts[200].id]
    assert "vela-orsk" in edited_item.entities and edited_item.number and edited_item.clock and 2019 in edited_item.years
    assert {k: sorted(one.holders(k)) for k in one.postings} == {k: sorted(other.holders(k)) for k in other.postings}
    assert other.vocabulary <= one.vocabulary and other.plain_words <= one.plain_words


def test_counts_and_times_of_day_are_told_from_dates_wherever_they_stand() -> None:
    """A statement gives a count when a digit stands outside its dates and years, before or after them,
    or when it spells a number out; a time of day wherever it stands."""
    from briefings.answering.facts import _DIGIT, _counts, _tells_the_time

    def counts(statement: str) -> bool:
        words = [w.lower() for w in statement.split()]
        return _counts(statement, set(words), _DIGIT.search(statement), words)

    def tells(statement: str) -> bool:
        return _tells_the_time(statement, _DIGIT.search(statement))

    assert not counts("The envoys met on March 3, 2019.")
    assert not counts("In 2019 the envoys met in Hanoi, and again on 3 March 2020.")
    assert not counts("2019: the envoys met on Sept. 30.")
    assert counts("Two envoys met on March 3, 2019.")
    assert counts("The 12 envoys met on March 3, 2019.")
    assert counts("The envoys met on March 3, 2019 for 45 minutes.")
    assert counts("The envoys met on March 3, 2019 aboard an F16 escort.")
    assert counts("On March 3 the envoys met 4 times.")
    assert tells("The envoys met at 9 a.m. on March 3, 2019.")
    assert tells("On March 3, 2019 the envoys met at 9 a.m.")
    assert tells("On March 3, 2019 the envoys talked past midnight.")
    assert tells("At noon on March 3 the envoys met.")
    assert tells("Talks in Zürich began at 10:30 on March 3.")
    assert tells("Talks in Zürich ran past MIDNIGHT.")
    assert not tells("The envoys met on March 3, 2019 for 45 minutes.")
    assert not tells("The envoys met in the afternoon.")
    assert not tells("The envoys met in Zürich.")


def test_another_spelling_of_a_word_is_read_from_wordnet_but_not_another_word() -> None:
    from briefings.answering.lexicon import Lexicon

    assert "defence" in Lexicon.spelling_variants("defense")
    assert "colour" in Lexicon.spelling_variants("color")
    assert "centre" in Lexicon.spelling_variants("center")
    assert "peck" not in Lexicon.spelling_variants("pick")  # a letter apart, another word
    assert "lost" not in Lexicon.spelling_variants("lose")  # a form of the word, not a spelling


def test_the_date_test_of_a_statement_ending_is_made_once_for_every_fact_that_ends_so() -> None:
    """Most statements end at a date: what `_counts` reads of such an ending is kept, and the year
    numerals are the four-digit numbers from 1901 to 2099."""
    from briefings.answering.facts import _DIGIT, _YEAR_NUMERALS, _counts, _digit_outside_dates

    ending = "on May 17, 2031."
    for subject in ("The envoys met", "The ministers talked", "Two envoys met"):
        statement = f"{subject} {ending}"
        words = statement.lower().split()
        _counts(statement, set(words), _DIGIT.search(statement), words)
    before = _digit_outside_dates.cache_info()
    statement = f"The delegates left {ending}"
    words = statement.lower().split()
    assert not _counts(statement, set(words), _DIGIT.search(statement), words)
    assert _digit_outside_dates.cache_info().hits == before.hits + 1
    assert _YEAR_NUMERALS == {w for w in map(str, range(10_000)) if len(w) == 4 and 1900 < int(w) < 2100}


def test_a_fact_is_posted_once_under_each_of_its_keys_and_an_entity_key_is_made_once(fresh_index: FactIndex) -> None:
    """A build posts a fact's keys without listing them first: each key of `_keys` holds the row
    once (two days of one month, one month's key), the key of an entity is one kept string, a new
    fact is added with no look for an old row to remove."""
    from briefings.models import Fact

    provenance = {"source": "wsj-2018-05-28", "recorded_at": "2026-12-01T00:00:00Z", "recorded_by": "console:ana"}
    table = fresh_index.table
    removed: list[str] = []
    remove = table.remove
    table.remove = lambda fact_id: (removed.append(fact_id), remove(fact_id))[1]  # type: ignore[method-assign]
    for k, days in enumerate(([{"day": "2031-05-03"}, {"day": "2031-05-17"}], [{"day": "2031-06-01"}])):
        fresh_index.upsert(Fact.model_validate({
            "id": f"posted-{k}", "subject": "kim-jong-un", "relation": "met", "topic": "timeline", "dates": days,
            "statement": f"Kim Jong Un met Zorvan Quell in 1994 (meeting {k}).", "provenance": provenance}))
    assert removed == []
    row = table._row_of["posted-0"]
    keys = table._keys(table.facts["posted-0"])
    assert len(keys) == len(set(keys)) and {"m:5", "y:2031", "y:1994", "e:kim-jong-un"} <= set(keys)
    assert all(list(table.postings[key]).count(row) == 1 for key in keys)
    assert sum(row in bucket for bucket in table.postings.values()) == len(keys)
    assert table._entity_keys["kim-jong-un"] is table._entity_keys["kim-jong-un"] == "e:kim-jong-un"
    fresh_index.upsert(Fact.model_validate({
        "id": "posted-0", "subject": "kim-jong-un", "relation": "met", "topic": "timeline",
        "statement": "Kim Jong Un met Zorvan Quell again.", "provenance": provenance}))
    assert removed == ["posted-0"] and not any(row in bucket for bucket in table.postings.values())


_NEAR_WORDS_OF_A_STORE = """
import sys
from bench.answering import generated_catalogue
from briefings.answering import FactIndex
from briefings.files import load_catalogue
from config.settings import CONFIG_DIR

table = FactIndex.from_catalogue(generated_catalogue(load_catalogue(CONFIG_DIR), size=800)).table
print(" ".join(table._vector_words))
for word in sorted(table.vocabulary)[::5]:
    print(word, sorted((near, credit.hex()) for near, credit in table.near(frozenset({word})).items()))
"""


def test_the_same_facts_give_the_same_floats_whatever_the_hash_seed() -> None:
    """Two processes with other hash seeds (so other orders of every set of strings) hold the words'
    vectors in one order and give each word the same near words with the very same credits."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    runs = [subprocess.Popen([sys.executable, "-c", _NEAR_WORDS_OF_A_STORE], cwd=root, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)})
            for seed in ("1", "6")]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert outputs[0] == outputs[1]


def test_rows_posted_a_block_at_a_time_are_in_the_postings_of_each_of_their_keys(index: FactIndex, monkeypatch) -> None:
    """A build posts its rows a block at a time, read off their records: each key's rows are those of the
    facts that hold it (`FactTable._keys`), ascending, each once, whatever the blocks; a fact upserted
    after the build is in them at the next read."""
    import briefings.answering.facts as facts_module

    monkeypatch.setattr(facts_module, "_POSTED_AT_ONCE", 97)
    catalogue = generated_catalogue(load_catalogue(CONFIG_DIR), size=1200)
    built = FactIndex.from_catalogue(catalogue, lexicon=index.lexicon, today=_today)
    fact = next(iter(catalogue.facts.values()))
    built.upsert(fact.model_copy(update={"id": "late-fact", "statement": fact.statement + " It rained on 3 May 2019."}))
    table = built.table
    expected: dict[str, list[int]] = {}
    for fact_id, row in table._row_of.items():
        for key in table._keys(table.indexed(fact_id)):
            expected.setdefault(key, []).append(row)
    assert {k: list(v) for k, v in table.postings.items()} == {k: sorted(v) for k, v in expected.items()}
    assert "y:2019" in table.postings and "m:5" in table.postings


def test_the_kinds_named_under_a_noun_are_the_hypernym_table_read_down() -> None:
    from briefings.answering.lexicon import HYPERNYMS_FILE, Lexicon, _table

    nouns = sorted(_table(HYPERNYMS_FILE))[::500]
    for noun in nouns:
        for kind in Lexicon.hypernyms(noun):
            assert noun in Lexicon.named_kinds_of(kind), (noun, kind)
    # wider than the first sense's kinds: every one of those is there too
    for noun in nouns:
        assert Lexicon.hyponyms(noun) <= Lexicon.named_kinds_of(noun), noun
    assert Lexicon.named_kinds_of("no-such-noun") == frozenset()


def test_one_after_a_determiner_stands_for_a_noun_and_counts_nothing() -> None:
    from briefings.answering.facts import a_number_at

    for sentence in ["the danish ferry unlike the u s one sailed late", "they chose a new one", "the other one stayed",
                     "a swedish bid and a norwegian one"]:
        words = sentence.split()
        assert not a_number_at(words, words.index("one")), sentence
    for sentence in ["one minister resigned", "a one year ban", "just one envoy came", "they sent one"]:
        words = sentence.split()
        assert a_number_at(words, words.index("one")), sentence
