"""Every setting is documented in the README, and every command group has help text."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tawasol.cli import app
from tawasol.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme() -> None:
    missing = [f"TAWASOL_{name.upper()}" for name in Settings.model_fields if f"TAWASOL_{name.upper()}" not in README]
    assert not missing, f"document these settings in README.md: {missing}"


def test_every_command_group_is_described() -> None:
    out = CliRunner().invoke(app, ["--help"], terminal_width=200).output
    for group in ("serve", "demo", "db", "users", "nlu", "pii", "privacy", "keys", "audit", "kb", "predict",
                  "insights", "wfm", "bench", "worker", "jobs"):
        assert group in out
        assert f"{group} commands" not in out
