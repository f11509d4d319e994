"""The fact model and the fact files: every bad input is one clear error naming what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefings.files import dump_facts, load_catalogue, parse_fact_file
from briefings.models import CatalogueError, FactDate, TopicInfo, check_fact
from config.settings import CONFIG_DIR

GOOD = """
defaults: {source: wsj-2018-05-28, recorded_at: 2026-12-01T00:00:00Z, recorded_by: curator}
facts:
  - id: zz-summit-place
    subject: singapore
    relation: venue_of
    statement: The Trump-Kim summit was to be held in Singapore.
    topic: summit
    dates: [{day: 2018-06-12, wording: June 12}]
    quote: originally scheduled to be held June 12 in Singapore
"""


@pytest.fixture
def config_copy(tmp_path: Path) -> Path:
    """A private copy of the curated config directory, with one extra fact file to vary."""
    dest = tmp_path / "config"
    shutil.copytree(CONFIG_DIR, dest, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return dest


def test_curated_catalogue_loads_and_every_quote_is_in_its_source() -> None:
    catalogue = load_catalogue(CONFIG_DIR)
    assert 60 <= len(catalogue.facts) <= 140
    text = " ".join(catalogue.sources["wsj-2018-05-28"].text.split())
    for fact in catalogue.facts.values():
        assert fact.provenance.quote, f"{fact.id} has no quote"
        assert " ".join(fact.provenance.quote.split()) in text


def test_a_fact_file_parses(config_copy: Path) -> None:
    (config_copy / "facts" / "zz-extra.yaml").write_text(GOOD)
    catalogue = load_catalogue(config_copy)
    fact = catalogue.facts["zz-summit-place"]
    assert fact.dates == [FactDate.model_validate({"day": "2018-06-12", "wording": "June 12"})]
    assert fact.provenance.recorded_by == "curator"


def test_a_quote_not_in_the_source_is_rejected(config_copy: Path) -> None:
    (config_copy / "facts" / "zz-extra.yaml").write_text(GOOD.replace("June 12 in Singapore", "June 13 in Singapore"))
    with pytest.raises(CatalogueError, match="zz-summit-place: its quote does not occur in source 'wsj-2018-05-28'"):
        load_catalogue(config_copy)


def test_an_impossible_date_is_rejected() -> None:
    with pytest.raises(CatalogueError, match=r"facts\.0\.dates\.0\.day"):
        parse_fact_file(GOOD.replace("2018-06-12", "2018-02-30"))


def test_a_missing_field_is_named() -> None:
    with pytest.raises(CatalogueError, match=r"facts\.0\.statement: Field required"):
        parse_fact_file(GOOD.replace("    statement: The Trump-Kim summit was to be held in Singapore.\n", ""))


def test_an_unknown_field_is_named() -> None:
    with pytest.raises(CatalogueError, match=r"facts\.0\.colour"):
        parse_fact_file(GOOD.replace("    topic: summit\n", "    topic: summit\n    colour: blue\n"))


def test_an_unknown_topic_and_bad_id_are_named() -> None:
    with pytest.raises(CatalogueError, match=r"facts\.0\.topic"):
        parse_fact_file(GOOD.replace("topic: summit", "topic: Gossip!"))
    (fact,) = parse_fact_file(GOOD.replace("topic: summit", "topic: gossip"))  # a topic id; known or not is
    topics = {"summit": TopicInfo(id="summit", name="The summit")}  # the catalogue's question
    assert check_fact(fact, sources={}, entities={}, topics=topics)[0].startswith(
        "fact zz-summit-place: topic 'gossip' is not a known topic (summit)")
    with pytest.raises(CatalogueError, match="not a valid id"):
        parse_fact_file(GOOD.replace("id: zz-summit-place", "id: Summit Place"))


def test_control_characters_and_overlong_text_are_rejected() -> None:
    with pytest.raises(CatalogueError, match="control characters"):
        parse_fact_file(GOOD.replace("was to be held", "was to be\\x07 held").replace("statement: The", 'statement: "The').replace("Singapore.\n    topic", 'Singapore."\n    topic'))
    with pytest.raises(CatalogueError, match="at most 2000 characters"):
        parse_fact_file(GOOD.replace("was to be held", "was " + "very " * 500 + "held"))


def test_invalid_yaml_gives_the_line() -> None:
    with pytest.raises(CatalogueError, match="not valid YAML at line"):
        parse_fact_file("facts:\n  - id: [unclosed\n")


def test_unknown_entity_is_rejected(config_copy: Path) -> None:
    (config_copy / "facts" / "zz-extra.yaml").write_text(GOOD.replace("subject: singapore", "subject: atlantis"))
    with pytest.raises(CatalogueError, match="subject 'atlantis' is not a known entity"):
        load_catalogue(config_copy)


def test_export_then_parse_round_trips() -> None:
    facts = list(load_catalogue(CONFIG_DIR).facts.values())
    assert parse_fact_file(dump_facts(facts)) == facts
