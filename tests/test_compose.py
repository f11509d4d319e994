"""Composing the briefing from the facts: what each section holds, and what changed since the last one."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from briefings.compose import (
    ALL_SECTIONS,
    MAX_DEVELOPMENTS,
    Briefing,
    ChangeKind,
    Entry,
    Section,
    SummitStatus,
    build_briefing,
    compose_briefing,
    merge_entries,
    merge_statements,
    parse_section,
    summarise_changes,
)
from briefings.files import load_catalogue
from briefings.models import Catalogue, Fact, FactDate, Provenance, Source, Topic, TopicInfo
from briefings.store import ChangeInfo, FactStore, FactVersion
from config.settings import CONFIG_DIR

AS_OF = date(2018, 5, 29)
EDIT = ChangeInfo(actor="ana", platform="slack", channel="C1", action="edit", reason="more precise")


@pytest.fixture(scope="module")
def curated() -> Catalogue:
    return load_catalogue(CONFIG_DIR)


@pytest.fixture(scope="module")
def briefing(curated: Catalogue) -> Briefing:
    return build_briefing(curated, [], as_of=AS_OF)


def _fact(catalogue: Catalogue, fact_id: str) -> Fact:
    return catalogue.facts[fact_id]


def _ids(entries: list) -> list[str]:
    return [i for e in entries for i in e.fact_ids]


# --- the headline --------------------------------------------------------------------------------


def test_headline_gives_date_place_status_condition_and_countdown(briefing: Briefing, curated: Catalogue) -> None:
    h = briefing.headline
    assert h is not None
    summit = curated.entities["singapore-summit"]
    assert h.event == summit.name
    assert h.day == date(2018, 6, 12) and h.days_to_go == 14
    assert h.place == curated.entities["singapore"].name
    assert h.status == SummitStatus.back_on and h.status_since == date(2018, 5, 26)
    # the condition and the status history are facts, chosen by relation
    assert [curated.facts[i].relation for i in _ids(h.depends_on)] == ["conditional_on"]
    history = [curated.facts[i] for i in _ids(h.history)]
    assert [f.relation for f in history] == ["withdrew_from", "revived"]
    assert [e.day for e in h.history] == [date(2018, 5, 24), date(2018, 5, 26)]
    assert all(e.text == curated.facts[e.fact_ids[0]].statement for e in [*h.depends_on, *h.history, *h.agenda])


@pytest.mark.parametrize(
    ("as_of", "status", "since", "days"),
    [
        (date(2018, 5, 20), SummitStatus.scheduled, None, 23),
        (date(2018, 5, 24), SummitStatus.off, date(2018, 5, 24), 19),
        (date(2018, 5, 25), SummitStatus.off, date(2018, 5, 24), 18),
        (date(2018, 5, 26), SummitStatus.back_on, date(2018, 5, 26), 17),
        (date(2018, 6, 12), SummitStatus.back_on, date(2018, 5, 26), 0),
    ],
)
def test_status_follows_the_facts_dated_by_as_of(
    curated: Catalogue, as_of: date, status: SummitStatus, since: date | None, days: int
) -> None:
    h = build_briefing(curated, [], as_of=as_of, sections=[Section.headline]).headline
    assert h is not None
    assert (h.status, h.status_since, h.days_to_go) == (status, since, days)
    assert all(e.day is not None and e.day <= as_of for e in h.history)


def test_a_later_source_moving_the_date_moves_the_headline(curated: Catalogue) -> None:
    """Nothing is keyed on a fact id: a new scheduled_for fact from a newer source wins."""
    later = Source(id="wire-2018-06-01", title="Summit date moved", outlet="Example Wire", published=date(2018, 6, 1))
    moved = Fact(
        id="summit-moved-date", subject="singapore-summit", relation="scheduled_for", value="2018-06-13",
        statement="The Trump-Kim summit was moved to Wednesday, June 13, 2018.", topic=Topic.summit,
        dates=[FactDate(day=date(2018, 6, 13))],
        provenance=Provenance(source=later.id, recorded_at=datetime(2018, 6, 1, tzinfo=timezone.utc),
                              recorded_by="ana"),
    )
    catalogue = curated.model_copy(update={"sources": {**curated.sources, later.id: later},
                                           "facts": {**curated.facts, moved.id: moved}})
    h = build_briefing(catalogue, [], as_of=date(2018, 6, 2), sections=[Section.headline]).headline
    assert h is not None and h.day == date(2018, 6, 13) and h.days_to_go == 11
    assert "summit-moved-date" in h.fact_ids


def test_without_a_scheduled_fact_the_headline_says_so(curated: Catalogue) -> None:
    facts = {k: f for k, f in curated.facts.items() if f.relation != "scheduled_for"}
    h = build_briefing(curated.model_copy(update={"facts": facts}), [], as_of=AS_OF).headline
    assert h is not None and h.event is None and h.status is None and h.note


# --- the other sections --------------------------------------------------------------------------


def test_sections_come_in_order_and_any_can_be_asked_for_alone(curated: Catalogue, briefing: Briefing) -> None:
    # no admin-added topic in the curated catalogue: no section of `topics`
    assert [s.section for s in briefing.sections] == [
        s for s in ALL_SECTIONS if s not in (Section.headline, Section.topics)]
    for section in ALL_SECTIONS:
        if section == Section.topics:
            continue
        alone = build_briefing(curated, [], as_of=AS_OF, sections=[section])
        if section == Section.headline:
            assert alone.headline is not None and alone.sections == []
        else:
            assert alone.headline is None and [s.section for s in alone.sections] == [section]
            assert alone.sections[0] == briefing.section(section)


def test_a_topic_admins_add_gets_a_section_in_its_place(curated: Catalogue) -> None:
    sanctions = TopicInfo(id="sanctions", name="Sanctions", order=55)  # after positions (50)
    fact = next(iter(curated.facts.values())).model_copy(update={"id": "sanctions-stay", "topic": "sanctions",
                                                                "statement": "Sanctions stay.", "dates": []})
    catalogue = curated.model_copy(update={"topics": {**curated.topics, "sanctions": sanctions},
                                           "facts": {**curated.facts, fact.id: fact}})
    briefing = build_briefing(catalogue, [], as_of=AS_OF)
    titles = [s.title for s in briefing.sections]
    assert titles.index("Sticking points") < titles.index("Sanctions") < titles.index("Inter-Korean track")
    [section] = [s for s in briefing.sections if s.topic == "sanctions"]
    assert [e.text for e in section.entries] == ["Sanctions stay."]
    # reordering the topic moves its section
    moved = sanctions.model_copy(update={"order": 35})  # after delegations (30)
    titles = [s.title for s in build_briefing(catalogue.model_copy(update={"topics": {
        **catalogue.topics, "sanctions": moved}}), [], as_of=AS_OF).sections]
    assert titles.index("Delegations") < titles.index("Sanctions") < titles.index("Who's who")
    alone = build_briefing(curated, [], as_of=AS_OF, sections=[Section.topics])
    assert [s.note for s in alone.sections] == ["No fact is filed under a topic added by admins."]


def test_developments_are_the_latest_dated_facts_up_to_as_of(briefing: Briefing, curated: Catalogue) -> None:
    section = briefing.section(Section.developments)
    assert section is not None
    entries = section.entries
    assert 0 < len(entries) <= MAX_DEVELOPMENTS
    days = [e.day for e in entries]
    assert all(d is not None and d <= AS_OF for d in days)
    assert days == sorted(days, reverse=True) and days[0] == date(2018, 5, 28)
    assert len({(e.day, curated.facts[e.fact_ids[0]].subject) for e in entries}) == len(entries)


def _added(fact_id: str, *, topic: str, relation: str, day: date, statement: str, subject: str = "moon-jae-in",
           obj: str | None = None) -> Fact:
    return Fact(id=fact_id, subject=subject, relation=relation, object=obj, topic=topic, statement=statement,
                dates=[FactDate(day=day)],
                provenance=Provenance(source="article", recorded_at=datetime(2026, 1, 1, tzinfo=timezone.utc),
                                           recorded_by="console:ana"))


def test_a_dated_act_filed_under_people_or_places_is_a_development(curated: Catalogue) -> None:
    """Whether a fact reports something that happened is read from its relation (an act, in the verb's
    past form), not only from the topic an admin chose: a meeting filed under places and an appointment
    filed under people are news; what a site was, or what one's role is, stays description."""
    later = date(2019, 3, 4)
    added = [
        _added("lunch-at-a-hotel", topic=Topic.places, relation="dined_with", obj="kim-jong-un", day=later,
               statement="Moon Jae-in dined with Kim Jong Un at a lakeside hotel on March 4, 2019."),
        _added("new-adviser", topic=Topic.people, relation="appointed", subject="donald-trump", day=later,
               statement="Donald Trump appointed a new Korea adviser on March 4, 2019."),
        _added("hall-was-a-venue", topic=Topic.places, relation="venue_of", subject="singapore", day=later,
               statement="A concert hall was the venue of a forum on March 4, 2019."),
    ]
    grown = curated.model_copy(update={"facts": {**curated.facts, **{f.id: f for f in added}}})
    briefing = build_briefing(grown, [], as_of=date(2019, 3, 5))
    developments = briefing.section(Section.developments)
    timeline = briefing.section(Section.timeline)
    assert developments is not None and timeline is not None
    newest = {i for e in developments.entries if e.day == later for i in e.fact_ids}
    assert newest == {"lunch-at-a-hotel", "new-adviser"}
    on_the_day = next(g for g in timeline.groups if g.day == later)
    assert set(_ids(on_the_day.entries)) == {"lunch-at-a-hotel", "new-adviser"}  # not the venue
    # the curated place and source facts stay description, as before
    described = {f.id for f in curated.facts.values() if f.topic in {Topic.places, Topic.source} and f.dates}
    assert described and not described & (set(_ids(timeline.entries)) | set(_ids(developments.entries)))


def test_timeline_has_past_and_upcoming_days_in_order(briefing: Briefing, curated: Catalogue) -> None:
    section = briefing.section(Section.timeline)
    assert section is not None
    dated = [g for g in section.groups if g.day is not None]
    assert [g.day for g in dated] == sorted(g.day for g in dated)
    assert any(g.day < AS_OF for g in dated) and any(g.day > AS_OF for g in dated)
    for group in dated:
        assert group.heading is not None and group.heading.startswith(group.day.strftime("%A"))
        for entry in group.entries:
            assert group.day in {d.day for d in curated.facts[entry.fact_ids[0]].dates}
    june_12 = next(g for g in dated if g.day == date(2018, 6, 12))
    assert "in 14 days" in (june_12.heading or "")
    assert curated.facts[june_12.entries[0].fact_ids[0]].relation == "scheduled_for"


def test_delegations_name_who_leads_them(briefing: Briefing, curated: Catalogue) -> None:
    section = briefing.section(Section.delegations)
    assert section is not None
    leads = [f for f in curated.facts.values() if f.relation == "led_by"]
    for lead in leads:
        group = next(g for g in section.groups if lead.id in _ids(g.entries))
        assert curated.entities[lead.object or ""].name in (group.heading or "")
    assert {f.id for f in curated.facts.values() if f.topic == Topic.delegations} <= set(_ids(section.entries))


def test_whos_who_is_every_persons_role(briefing: Briefing, curated: Catalogue) -> None:
    section = briefing.section(Section.people)
    assert section is not None
    ids = _ids(section.entries)
    expected = {f.id for f in curated.facts.values()
                if f.relation == "role" and curated.entities[f.subject].kind == "person"}
    assert set(ids) == expected and len(ids) == len(expected)


def test_sticking_points_group_each_issue(briefing: Briefing, curated: Catalogue) -> None:
    section = briefing.section(Section.positions)
    assert section is not None
    headings = [g.heading for g in section.groups]
    for issue in ("denuclearization", "regime-guarantees", "sanctions", "libya-model"):
        name = curated.entities[issue].name
        assert name[:1].upper() + name[1:] in headings
    assert {f.id for f in curated.facts.values() if f.topic == Topic.positions} <= set(_ids(section.entries))


def test_inter_korean_track_holds_every_inter_korean_fact_once(briefing: Briefing, curated: Catalogue) -> None:
    section = briefing.section(Section.inter_korean)
    assert section is not None
    ids = _ids(section.entries)
    assert sorted(ids) == sorted(f.id for f in curated.facts.values() if f.topic == Topic.inter_korean)


def test_sources_are_cited_with_their_fact_counts(briefing: Briefing, curated: Catalogue) -> None:
    section = briefing.section(Section.sources)
    assert section is not None
    (entry,) = section.entries
    source = curated.sources["wsj-2018-05-28"]
    assert source.title in entry.text and f"({len(curated.facts)} facts)" in entry.text


def test_every_line_is_a_fact_statement(briefing: Briefing, curated: Catalogue) -> None:
    """No prose about the story is written in code: each entry is the statement of its fact, or
    the statements of facts that say the same thing, merged, every word of them kept."""
    merged = 0
    for section in briefing.sections:
        if section.section in (Section.sources, Section.changes):
            continue
        for entry in section.entries:
            statements = [curated.facts[i].statement for i in entry.fact_ids]
            if len(statements) == 1:
                assert entry.text == statements[0]
                continue
            merged += 1
            words = set(entry.text.replace(",", " ").replace(".", " ").split())
            for statement in statements:
                assert set(statement.replace(",", " ").replace(".", " ").split()) <= words, (statement, entry.text)
    assert merged >= 2  # the June 1 talks' agenda, Moon's two remarks of May 27


def test_facts_saying_the_same_thing_are_merged_within_a_section(briefing: Briefing, curated: Catalogue) -> None:
    timeline = briefing.section(Section.timeline)
    assert timeline is not None
    [june_1] = [g for g in timeline.groups if g.day == date(2018, 6, 1)]
    assert len(june_1.entries) == 2  # was three: the talks' date, and two lines on what they will discuss
    agenda = june_1.entries[1]
    assert sorted(agenda.fact_ids) == ["high-level-talks-agenda-reunions", "high-level-talks-agenda-tensions"]
    assert agenda.text.count("are expected to discuss") == 1
    assert agenda.text.endswith("Korean War, and ways to de-escalate inter-Korean military tensions.")
    # the same facts in another section are merged there too, once
    track = briefing.section(Section.inter_korean)
    assert track is not None
    ids = [e.fact_ids for e in track.entries if "high-level-talks-agenda-tensions" in e.fact_ids]
    assert len(ids) == 1 and len(ids[0]) == 2


def test_statements_that_do_not_open_alike_keep_the_stronger(curated: Catalogue) -> None:
    base = curated.facts["high-level-talks-agenda-tensions"]
    other = base.model_copy(update={"id": "other-agenda", "statement": "Reunions are on the June 1 list too."})
    entries = [Entry(text=f.statement, day=date(2018, 6, 1), fact_ids=[f.id]) for f in (base, other)]
    [merged] = merge_entries(entries, {f.id: f for f in (base, other)})
    assert merged.text == base.statement  # the fuller statement stands for both
    assert merged.fact_ids == [base.id, "other-agenda"]
    # undated facts are never merged: the same subject and relation is not the same news
    undated = [e.model_copy(update={"day": None}) for e in entries]
    facts = {f.id: f.model_copy(update={"dates": []}) for f in (base, other)}
    assert merge_entries(undated, facts) == undated


def test_merge_statements_joins_the_rests_after_the_shared_opening() -> None:
    assert merge_statements(["The talks will cover A.", "The talks will cover B.", "The talks will cover C."]) == (
        "The talks will cover A, B, and C.")
    assert merge_statements(["President Moon Jae-in noted X.", "President Moon Jae-in, who met Kim, said Y."]) == (
        "President Moon Jae-in, who met Kim, said Y, and noted X.")
    assert merge_statements(["The U.S. wants A.", "Seoul wants B."]) is None
    assert merge_statements(["It was said.", "It was said by U.S."]) is None  # one is wholly the other's opening


def test_briefing_round_trips_through_json(briefing: Briefing) -> None:
    assert Briefing.model_validate_json(briefing.model_dump_json()) == briefing


# --- section names -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "section"), [
    ("timeline", Section.timeline), ("  Headline ", Section.headline), ("inter-korean", Section.inter_korean),
    ("inter_korean", Section.inter_korean), ("Inter Korean", Section.inter_korean), ("CHANGES", Section.changes),
])
def test_parse_section_reads_the_chat_names(name: str, section: Section) -> None:
    assert parse_section(name) == section


def test_parse_section_names_the_valid_sections() -> None:
    with pytest.raises(ValueError) as err:
        parse_section("weather")
    message = str(err.value)
    assert message.startswith("'weather' is not a briefing section")
    assert all(s.value in message for s in Section) and message.endswith(".")


# --- what changed --------------------------------------------------------------------------------


def _version(fact: Fact, version: int, action: str, *, previous: Fact | None = None, retired: bool = False,
             minute: int = 0) -> FactVersion:
    return FactVersion(fact_id=fact.id, version=version, action=action, fact=fact, previous=previous,
                       retired=retired, actor="ana", platform="slack", channel=None, reason=None,
                       at=datetime(2018, 5, 29, 9, minute, tzinfo=timezone.utc))


def test_summarise_changes_reports_the_net_effect(curated: Catalogue) -> None:
    a, b, c, d = (curated.facts[i] for i in ("trump-role", "moon-role", "bolton-role", "cho-role"))
    b2 = b.model_copy(update={"statement": "Moon Jae-in is South Korea's president."})
    b3 = b.model_copy(update={"statement": "Moon Jae-in is the President of the Republic of Korea."})
    versions = [
        _version(a, 1, "seed"),                                   # seeds never count
        _version(b2, 2, "edit", previous=b, minute=1),
        _version(b3, 3, "edit", previous=b2, minute=2),           # two edits: one correction, first -> last
        _version(c, 2, "retire", previous=c, retired=True, minute=3),
        _version(c, 3, "restore", previous=c, minute=4),          # retired and restored: nothing
        _version(d, 2, "retire", previous=d, retired=True, minute=5),
    ]
    changes = summarise_changes(versions, retired_before={})
    assert [(ch.kind, ch.fact.id) for ch in changes] == [(ChangeKind.corrected, b.id), (ChangeKind.retired, d.id)]
    assert changes[0].previous == b and changes[0].fact == b3


async def _seeded(store: FactStore) -> Catalogue:
    catalogue = load_catalogue(CONFIG_DIR)
    assert await store.seed(catalogue)
    return catalogue


async def test_an_edit_shows_in_the_next_briefings_changes(store: FactStore) -> None:
    catalogue = await _seeded(store)
    before = datetime.now(timezone.utc) - timedelta(seconds=1)

    first = await compose_briefing(store, as_of=AS_OF, since=before, sections=[Section.changes])
    changes = first.section(Section.changes)
    assert changes is not None and changes.groups == [] and changes.note  # the seed is not a change

    old = catalogue.facts["summit-place"]
    new = old.model_copy(update={"statement": "The planned Trump-Kim summit is to be held in Singapore, at a hotel."})
    stored = await store.get(old.id)
    assert stored is not None
    await store.update(new, expected_version=stored.version, change=EDIT)

    after = await compose_briefing(store, as_of=AS_OF, since=before)
    section = after.section(Section.changes)
    assert section is not None
    (group,) = section.groups
    (entry,) = group.entries
    assert group.heading == "Corrected"
    assert (entry.previous, entry.text, entry.fact_ids) == (old.statement, new.statement, [old.id])
    assert entry.reason == "more precise" and entry.by == "ana"
    # and the rest of the briefing already reads the corrected fact
    timeline = after.section(Section.timeline)
    assert timeline is not None and new.statement in [e.text for e in timeline.entries]

    later = await compose_briefing(store, as_of=AS_OF, since=datetime.now(timezone.utc), sections=[Section.changes])
    assert later.sections[0].groups == []  # reported once: the briefing after that one has nothing new


async def test_changes_list_additions_and_retirements(store: FactStore) -> None:
    catalogue = await _seeded(store)
    since = datetime.now(timezone.utc) - timedelta(seconds=1)
    base = catalogue.facts["bolton-role"]
    added = base.model_copy(update={"id": "bolton-hawk", "statement": "John Bolton is a foreign-policy hawk."})
    await store.add(added, change=ChangeInfo(actor="ana", platform="slack", action="add"))
    retired = await store.get("cho-conservative")
    assert retired is not None
    await store.retire("cho-conservative", expected_version=retired.version, reason="not needed",
                       change=ChangeInfo(actor="ben", platform="discord", action="retire"))

    briefing = await compose_briefing(store, as_of=AS_OF, since=since, sections=[Section.changes])
    groups = {g.heading: g.entries for g in briefing.sections[0].groups}
    assert [e.text for e in groups["Added"]] == [added.statement]
    assert [e.fact_ids for e in groups["Retired"]] == [["cho-conservative"]]
    assert groups["Retired"][0].reason == "not needed"


async def test_without_a_previous_briefing_changes_says_so(store: FactStore) -> None:
    await _seeded(store)
    briefing = await compose_briefing(store, as_of=AS_OF, since=None, sections=[Section.changes])
    assert briefing.sections[0].groups == [] and briefing.sections[0].note == "No earlier briefing to compare with."
