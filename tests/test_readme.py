"""The README stays true: every setting is documented, and so is every CLI command."""

from __future__ import annotations

from pathlib import Path

from config.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_configuration_table() -> None:
    missing = []
    for name, field in Settings.model_fields.items():
        variable = field.validation_alias if isinstance(field.validation_alias, str) else f"BRIEFBOT_{name.upper()}"
        if f"`{variable}`" not in README:
            missing.append(variable)
    assert not missing, f"README does not document {missing}"


def test_the_readme_opens_with_the_two_commands() -> None:
    opening = README[: README.index("## ")]
    assert "make run" in opening and "make test" in opening


def test_the_sections_a_newcomer_needs_are_there() -> None:
    for heading in ("## Chat commands", "## The briefing", "## Daily briefings", "## How it answers",
                    "## The fact store", "## Slack", "## Discord", "## Configuration", "## Deployment", "## Bench"):
        assert heading in README, heading
