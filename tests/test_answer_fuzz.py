"""Any text at all gets an Answer, never an exception, and an answer always cites facts that exist."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefings.answer import FactIndex
from briefings.files import load_catalogue
from config.settings import CONFIG_DIR

INDEX = FactIndex.from_catalogue(load_catalogue(CONFIG_DIR))
WORDS = st.sampled_from(["who", "what", "when", "where", "how many", "which", "the", "Kim", "summit", "Singapore",
                         "June 12", "Monday", "2018", "f-16", "U.S.", "DPRK", "led", "delegation", "?", "Chinese",
                         "name", "wat", "singapur", "’", "—", "@everyone", "<!channel>", "1950-53"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=12).map(" ".join)))
def test_every_text_gets_an_answer(question: str) -> None:
    answer = INDEX.answer(question)
    # an answer cites facts, except a reply to small talk or an entity's own description
    assert answer.found == bool(answer.facts) or answer.asked in {"small talk", "describe"}
    assert all(f in INDEX for f in answer.facts)
    assert 0.0 <= answer.confidence <= 1.0
    assert len(answer.answer) <= 500
