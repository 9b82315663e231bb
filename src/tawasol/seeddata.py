"""One validating loader for the word lists and texts kept as data under each capability's ``seed/``.

A seed file is YAML read with :func:`load`; the typed readers below check the shape of each key and fail
with a :class:`SeedDataError` naming the file and the key ("bot/seed/lexicon.yaml: concepts.bill[3]: expected
a non-empty string, got int"), so a form added with a typo stops the import instead of matching nothing.
Duplicate mapping keys are refused (YAML would keep the last one silently).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent


class SeedDataError(ValueError):
    """A seed file is missing, unreadable or not of the expected shape."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        try:
            name = str(path.relative_to(PACKAGE_DIR))
        except ValueError:
            name = str(path)
        self.path, self.key = path, key
        super().__init__(f"{name}: {key or '<top>'}: {problem}")


class _UniqueKeyLoader(yaml.SafeLoader):
    pass


def _mapping_without_duplicates(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


class SeedFile:
    """A parsed seed file and typed readers of its keys (dotted paths into nested mappings)."""

    def __init__(self, path: Path, data: Any) -> None:
        self.path, self.data = path, data

    def error(self, key: str, problem: str) -> SeedDataError:
        return SeedDataError(self.path, key, problem)

    def get(self, key: str) -> Any:
        node: Any = self.data
        for i, part in enumerate(key.split(".")):
            if not isinstance(node, Mapping) or part not in node:
                raise self.error(".".join(key.split(".")[: i + 1]), "missing key")
            node = node[part]
        return node

    def _string(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"expected a non-empty string, got {type(value).__name__} {value!r}")
        return value

    def text(self, key: str) -> str:
        """A string (a text or a block of whitespace-separated words)."""
        return self._string(self.get(key), key)

    def strings(self, key: str, value: Any = None) -> tuple[str, ...]:
        """A list of non-empty strings, order and repeats kept."""
        value = self.get(key) if value is None else value
        if not isinstance(value, list):
            raise self.error(key, f"expected a list of strings, got {type(value).__name__}")
        return tuple(self._string(item, f"{key}[{i}]") for i, item in enumerate(value))

    def mapping(self, key: str, value: Any = None) -> dict[str, Any]:
        value = self.get(key) if value is None else value
        if not isinstance(value, Mapping):
            raise self.error(key, f"expected a mapping, got {type(value).__name__}")
        for name in value:
            if not isinstance(name, str):
                raise self.error(key, f"expected string keys, got {name!r}")
        return dict(value)

    def strings_by_key(self, key: str, value: Any = None) -> dict[str, tuple[str, ...]]:
        """A mapping of name -> list of strings (insertion order kept)."""
        return {name: self.strings(f"{key}.{name}", item) for name, item in self.mapping(key, value).items()}

    def texts_by_key(self, key: str, value: Any = None) -> dict[str, str]:
        """A mapping of name -> string."""
        return {name: self._string(item, f"{key}.{name}") for name, item in self.mapping(key, value).items()}


@lru_cache
def load(package: str, name: str) -> SeedFile:
    """The seed file ``src/tawasol/<package>/seed/<name>``, parsed and checked to be a mapping."""
    path = PACKAGE_DIR / package / "seed" / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SeedDataError(path, "", f"cannot read: {exc}") from exc
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise SeedDataError(path, "", f"invalid YAML: {exc}") from exc
    seed = SeedFile(path, data)
    if not isinstance(data, Mapping):
        raise seed.error("", f"expected a mapping at the top, got {type(data).__name__}")
    return seed
