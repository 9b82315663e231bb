"""The seed-data loader: typed readers, and errors that name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tawasol import seeddata
from tawasol.seeddata import SeedDataError, SeedFile


def _seed(tmp_path: Path, text: str) -> SeedFile:
    (tmp_path / "x" / "seed").mkdir(parents=True)
    (tmp_path / "x" / "seed" / "words.yaml").write_text(text, encoding="utf-8")
    return seeddata.load.__wrapped__("x", "words.yaml")


@pytest.fixture(autouse=True)
def _package_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seeddata, "PACKAGE_DIR", tmp_path)


def test_typed_readers_keep_order_and_repeats(tmp_path: Path) -> None:
    seed = _seed(tmp_path, 'a:\n  b: ["x", "y", "x"]\n  c: [z]\nwords: |\n  one two\n  three\n')
    assert seed.strings_by_key("a") == {"b": ("x", "y", "x"), "c": ("z",)}
    assert seed.text("words").split() == ["one", "two", "three"]


def test_a_wrong_type_names_file_and_key(tmp_path: Path) -> None:
    seed = _seed(tmp_path, "a:\n  b: [x, 3]\n")
    with pytest.raises(SeedDataError, match=r"x/seed/words.yaml: a\.b\[1\]: expected a non-empty string"):
        seed.strings_by_key("a")


def test_a_missing_key_is_named(tmp_path: Path) -> None:
    seed = _seed(tmp_path, "a: {}\n")
    with pytest.raises(SeedDataError, match=r"words.yaml: a\.b: missing key"):
        seed.strings("a.b")


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SeedDataError, match="duplicate key 'b'"):
        _seed(tmp_path, "a:\n  b: [x]\n  b: [y]\n")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SeedDataError, match="nope.yaml"):
        seeddata.load.__wrapped__("x", "nope.yaml")
