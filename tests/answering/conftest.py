"""One index over the curated facts for the stage tests (building it loads the language data once)."""

from __future__ import annotations

from datetime import date

import pytest

from briefings.answering import FactIndex
from briefings.files import load_catalogue
from config.settings import CONFIG_DIR


@pytest.fixture(scope="session")
def index() -> FactIndex:
    return FactIndex.from_catalogue(load_catalogue(CONFIG_DIR), today=lambda: date(2026, 12, 6))


@pytest.fixture
def fresh_index(index: FactIndex) -> FactIndex:
    """An index of its own, for a test that adds facts (the session's one stays the curated store)."""
    return FactIndex.from_catalogue(load_catalogue(CONFIG_DIR), lexicon=index.lexicon, intents=index.intents,
                     today=lambda: date(2026, 12, 6))
