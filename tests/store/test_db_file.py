"""The SQLite file holds personal data: readable by its owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sqlalchemy import text

from tawasol.store.db import make_engine


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_file_is_0600_even_with_a_permissive_umask(tmp_path: Path) -> None:
    path = tmp_path / "new" / "tawasol.db"
    old = os.umask(0o022)
    try:
        engine = make_engine(f"sqlite:///{path}")
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x INTEGER)"))
            conn.execute(text("INSERT INTO t VALUES (1)"))
        assert _mode(path) == 0o600
        for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            if side.exists():
                assert _mode(side) & 0o077 == 0, side
        engine.dispose()
    finally:
        os.umask(old)


def test_an_existing_world_readable_file_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "tawasol.db"
    path.touch()
    path.chmod(0o644)
    make_engine(f"sqlite:///{path}").dispose()
    assert _mode(path) == 0o600
