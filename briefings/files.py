"""Reading and writing the human-reviewable fact files (YAML).

Layout of a config directory::

    sources.yaml        the documents facts are curated from (text in sources/*.txt)
    entities.yaml       people, organisations, countries, places, events, with aliases
    topics.yaml         the topics facts are filed under, with their names and briefing order
    facts/*.yaml        the facts, a file per theme

An import file (`fact import`, `briefbot facts import`, what export writes) holds all four in one:
`topics:`, `sources:` (each with its `text:`), `entities:` and `facts:`, each list optional.

A fact file carries defaults for its facts (`source`, `recorded_at`, `recorded_by`) so that each
fact only says what is its own. Every error names the file and the fact.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefings.models import (
    Catalogue,
    CatalogueError,
    Entity,
    Fact,
    FactDate,
    Provenance,
    Relation,
    Slug,
    Source,
    Text,
    TopicInfo,
    check_fact,
)

__all__ = [
    "CatalogueFile",
    "DEFAULT_RELATION",
    "FactDefaults",
    "FactFile",
    "FactRecord",
    "describe_error",
    "dump_catalogue",
    "dump_facts",
    "load_catalogue",
    "load_topics",
    "parse_catalogue_file",
    "parse_fact_file",
]


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


DEFAULT_RELATION = "states"
"""The relation of a fact that gives none (`fact add`, an import): it only states something."""


class FactRecord(_FileModel):
    """A fact as written in a file: provenance flattened, defaults taken from the file."""

    id: Slug
    subject: Slug
    relation: Relation = DEFAULT_RELATION
    object: Slug | None = None
    value: Text | None = None
    statement: Text
    topic: Slug
    dates: list[FactDate] = Field(default_factory=list)
    keywords: list[Text] = Field(default_factory=list)
    phrasings: list[Text] = Field(default_factory=list)
    quote: Text | None = None
    source: Slug | None = None
    recorded_at: datetime | None = None
    recorded_by: Text | None = None
    status: Literal["retired"] | None = None
    """`retired` in an export (a backup): the fact is kept but hidden from answers and briefings."""
    retired_reason: Text | None = None

    def to_fact(self, *, source: str | None, recorded_at: datetime | None, recorded_by: str | None) -> Fact:
        src = self.source or source
        at = self.recorded_at or recorded_at
        by = self.recorded_by or recorded_by
        missing = [n for n, v in (("source", src), ("recorded_at", at), ("recorded_by", by)) if v is None]
        if missing:
            raise CatalogueError(f"fact {self.id}: missing {', '.join(missing)} (give it on the fact or in the file's defaults)")
        return Fact(
            id=self.id,
            subject=self.subject,
            relation=self.relation,
            object=self.object,
            value=self.value,
            statement=self.statement,
            topic=self.topic,
            dates=self.dates,
            keywords=self.keywords,
            phrasings=self.phrasings,
            provenance=Provenance(source=src, quote=self.quote, recorded_at=at, recorded_by=by),
        )

    @classmethod
    def from_fact(cls, fact: Fact) -> FactRecord:
        p = fact.provenance
        return cls(
            **fact.model_dump(exclude={"provenance"}),
            quote=p.quote,
            source=p.source,
            recorded_at=p.recorded_at,
            recorded_by=p.recorded_by,
        )


class FactDefaults(_FileModel):
    source: Slug | None = None
    recorded_at: datetime | None = None
    recorded_by: Text | None = None


class FactFile(_FileModel):
    defaults: FactDefaults = Field(default_factory=FactDefaults)
    facts: list[FactRecord]

    def to_facts(self, fallback: FactDefaults | None = None) -> list[Fact]:
        """The facts, each completed by the file's defaults, then by `fallback` (the importer's)."""
        d, f = self.defaults, fallback or FactDefaults()
        return [
            r.to_fact(source=d.source or f.source, recorded_at=d.recorded_at or f.recorded_at,
                      recorded_by=d.recorded_by or f.recorded_by)
            for r in self.facts
        ]

    def retired(self) -> dict[str, str | None]:
        """The ids of the facts marked `status: retired`, with the reason given."""
        return {r.id: r.retired_reason for r in self.facts if r.status == "retired"}


class CatalogueFile(FactFile):
    """An import or export: topics, sources (text inline), entities and facts, each list optional."""

    topics: list[TopicInfo] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    facts: list[FactRecord] = Field(default_factory=list)

    def repeated_ids(self) -> list[str]:
        """Every id given twice within one list, as `kind id`."""
        repeated = []
        for kind, ids in (("topic", [t.id for t in self.topics]), ("source", [s.id for s in self.sources]),
                          ("entity", [e.id for e in self.entities]), ("fact", [f.id for f in self.facts])):
            seen: set[str] = set()
            repeated += [f"{kind} {i}" for i in ids if i in seen or seen.add(i)]  # type: ignore[func-returns-value]
        return repeated


class _SourcesFile(_FileModel):
    sources: list[Source]


class _EntitiesFile(_FileModel):
    entities: list[Entity]


class _TopicsFile(_FileModel):
    topics: list[TopicInfo]


def describe_error(error: ValidationError, *, where: str) -> str:
    """One readable line per problem: where it is, which field, what is wrong."""
    lines = []
    for e in error.errors(include_url=False):
        loc = ".".join(str(p) for p in e["loc"])
        msg = e["msg"].removeprefix("Value error, ")
        lines.append(f"{where}: {loc}: {msg}" if loc else f"{where}: {msg}")
    return "; ".join(lines)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it: 10x faster
    """SafeLoader that leaves dates as strings, so pydantic validates them (and names the field)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def _read_yaml(path: Path) -> Any:
    try:
        return _yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise CatalogueError(f"{path.name}: not valid YAML{at}") from None
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot be read ({exc.strerror})") from None


def _parse_yaml(text: str, *, where: str) -> Any:
    try:
        return _yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise CatalogueError(f"{where}: not valid YAML{at}") from None


def parse_fact_file(text: str, *, where: str = "facts") -> list[Fact]:
    """Parse and validate a whole fact file given as text, every fact complete."""
    return _facts_from_data(_parse_yaml(text, where=where), where=where)


def parse_catalogue_file(text: str, *, where: str = "import") -> CatalogueFile:
    """Parse and validate an import file (`topics:`, `sources:`, `entities:`, `facts:`).

    Facts may leave out `source`, `recorded_at` and `recorded_by`: the importer fills them in
    (`CatalogueFile.to_facts`). Raises `CatalogueError` naming every problem.
    """
    data = _parse_yaml(text, where=where)
    if not isinstance(data, dict):
        raise CatalogueError(f"{where}: expected a mapping with `topics:`, `sources:`, `entities:` or `facts:` lists")
    try:
        parsed = CatalogueFile.model_validate(data)
    except ValidationError as exc:
        raise CatalogueError(describe_error(exc, where=where)) from None
    repeated = parsed.repeated_ids()
    if repeated:
        raise CatalogueError(f"{where}: " + "; ".join(f"{r}: the id is used twice" for r in repeated))
    return parsed


def _facts_from_data(data: Any, *, where: str) -> list[Fact]:
    if not isinstance(data, dict):
        raise CatalogueError(f"{where}: expected a mapping with a 'facts' list")
    try:
        return FactFile.model_validate(data).to_facts()
    except ValidationError as exc:
        raise CatalogueError(describe_error(exc, where=where)) from None


def load_topics(config_dir: Path) -> dict[str, TopicInfo]:
    """The topics of `topics.yaml` (none when there is no such file: any topic id is then accepted)."""
    topics: dict[str, TopicInfo] = {}
    if not (config_dir / "topics.yaml").exists():
        return topics
    try:
        topics_file = _TopicsFile.model_validate(_read_yaml(config_dir / "topics.yaml"))
    except ValidationError as exc:
        raise CatalogueError(describe_error(exc, where="topics.yaml")) from None
    for t in topics_file.topics:
        if t.id in topics:
            raise CatalogueError(f"topics.yaml: topic id {t.id!r} is used twice")
        topics[t.id] = t
    return topics


def load_catalogue(config_dir: Path) -> Catalogue:
    """Load and cross-check every source, entity and fact under `config_dir`."""
    try:
        sources_file = _SourcesFile.model_validate(_read_yaml(config_dir / "sources.yaml"))
    except ValidationError as exc:
        raise CatalogueError(describe_error(exc, where="sources.yaml")) from None
    sources: dict[str, Source] = {}
    for s in sources_file.sources:
        if s.file:
            path = config_dir / s.file
            try:
                s = s.model_copy(update={"text": path.read_text(encoding="utf-8")})
            except OSError:
                raise CatalogueError(f"sources.yaml: source {s.id}: file {s.file} cannot be read") from None
        sources[s.id] = s

    try:
        entities_file = _EntitiesFile.model_validate(_read_yaml(config_dir / "entities.yaml"))
    except ValidationError as exc:
        raise CatalogueError(describe_error(exc, where="entities.yaml")) from None
    entities: dict[str, Entity] = {}
    for e in entities_file.entities:
        if e.id in entities:
            raise CatalogueError(f"entities.yaml: entity id {e.id!r} is used twice")
        entities[e.id] = e

    topics = load_topics(config_dir)
    facts: dict[str, Fact] = {}
    problems: list[str] = []
    for path in sorted((config_dir / "facts").glob("*.yaml")):
        for fact in _facts_from_data(_read_yaml(path), where=path.name):
            if fact.id in facts:
                raise CatalogueError(f"{path.name}: fact id {fact.id!r} is used twice")
            facts[fact.id] = fact
            problems.extend(f"{path.name}: {problem}"
                            for problem in check_fact(fact, sources=sources, entities=entities, topics=topics))
    if problems:  # the same checks as Catalogue.check, each naming the file the fact is in
        raise CatalogueError("; ".join(problems))
    return Catalogue(sources=sources, entities=entities, facts=facts, topics=topics)


def _fact_records(facts: list[Fact], retired: Mapping[str, str | None]) -> list[dict[str, Any]]:
    records = [
        FactRecord.from_fact(f).model_dump(mode="json", exclude_none=True, exclude_defaults=True) for f in facts
    ]
    for r, f in zip(records, facts):  # required fields stay even when they equal a default
        r.setdefault("topic", f.topic)
        r.setdefault("relation", f.relation)
        if f.id in retired:
            r["status"] = "retired"
            if retired[f.id]:
                r["retired_reason"] = retired[f.id]
    return records


def dump_facts(facts: list[Fact], *, retired: Mapping[str, str | None] | None = None) -> str:
    """Facts as a fact file that `parse_fact_file` reads back to the same facts; those in `retired`
    are marked `status: retired` (with their reason), as `FactFile.retired` reads them."""
    return yaml.safe_dump({"facts": _fact_records(facts, retired or {})}, sort_keys=False, allow_unicode=True, width=100)


class _Dumper(yaml.SafeDumper):
    """Writes text of several lines (a source's) as a literal block, the way people read it."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_catalogue(catalogue: Catalogue, *, retired: Mapping[str, str | None] | None = None) -> str:
    """A whole catalogue as one import file (`parse_catalogue_file` reads it back to the same records);
    its facts named in `retired` are marked `status: retired` (with their reason): a backup."""
    def records(models: list[Any]) -> list[dict[str, Any]]:
        return [m.model_dump(mode="json", exclude_none=True, exclude_defaults=True) for m in models]

    sources = []
    for source, data in zip(catalogue.sources.values(), records(list(catalogue.sources.values()))):
        data.setdefault("published", source.published.isoformat())
        if source.text:
            data["text"] = source.text
        sources.append(data)
    document = {
        "topics": [t.model_dump(mode="json") for t in catalogue.topics.values()],
        "sources": sources,
        "entities": [{**data, "kind": e.kind.value} for e, data in
                     zip(catalogue.entities.values(), records(list(catalogue.entities.values())))],
        "facts": _fact_records(list(catalogue.facts.values()), retired or {}),
    }
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
