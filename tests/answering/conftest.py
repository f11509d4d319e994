"""One index over the curated facts for the stage tests (building it loads the language data once)."""

from __future__ import annotations

from datetime import date

import pytest

from briefings.answering import FactIndex
from briefings.files import load_catalogue
from config.settings import CONFIG_DIR


@pytest.fixture(scope="session")
def index() -> FactIndex:
    return FactIndex(load_catalogue(CONFIG_DIR), today=lambda: date(2026, 12, 6))
