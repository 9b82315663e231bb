"""`tawasol --help` stays light: the command tree loads without the heavy libraries (scikit-learn, pandas,
scipy, fairlearn), which the commands that need them import when they run."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sklearn", "pandas", "scipy", "fairlearn", "sentence_transformers", "torch")


def test_the_command_tree_loads_without_heavy_libraries() -> None:
    code = ("import sys, tawasol.cli; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"imported at start-up: {out.stdout.strip()}"
