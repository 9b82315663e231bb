"""Knowledge-base articles from files: Markdown with front matter (a folder of them), CSV or JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import yaml

from tawasol.domain.errors import InvalidInput
from tawasol.domain.model import Article

LANGUAGES = ("fr", "ar", "ary", "ary_Latn", "en", "es")
MAX_TITLE = 300


def load_articles(path: str | Path, tenant_id: str = "") -> list[Article]:
    """Every article variant found at `path` (a folder of .md files, a .md, .csv or .json file)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".md", ".csv", ".json"))
        articles = [a for f in files for a in load_articles(f, tenant_id)]
    elif path.suffix.lower() == ".md":
        articles = [_from_markdown(path, tenant_id)]
    elif path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            articles = [_from_record(row, tenant_id, f"{path}:{i + 2}") for i, row in enumerate(csv.DictReader(fh))]
    elif path.suffix.lower() == ".json":
        articles = _from_json(json.loads(path.read_text(encoding="utf-8")), tenant_id, str(path))
    elif not path.exists():
        raise InvalidInput("path", f"{path} does not exist")
    else:
        raise InvalidInput("path", f"expected a folder, .md, .csv or .json file, got {path.name}")
    _refuse_duplicates(articles)
    return articles


def _from_markdown(path: Path, tenant_id: str) -> Article:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    if text.startswith("---"):
        head, sep, body = text[3:].partition("\n---")
        if not sep:
            raise InvalidInput("front_matter", f"{path}: front matter is not closed by ---")
        meta = yaml.safe_load(head) or {}
        if not isinstance(meta, dict):
            raise InvalidInput("front_matter", f"{path}: expected a mapping, got {type(meta).__name__}")
        text = body.lstrip("-").lstrip("\n")
    meta.setdefault("key", path.parent.name)
    meta.setdefault("language", path.stem)
    meta["body"] = text.strip()
    return _from_record(meta, tenant_id, str(path))


def _from_json(data: Any, tenant_id: str, where: str) -> list[Article]:
    records = data.get("articles", []) if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise InvalidInput("articles", f"{where}: expected a list of articles")
    out: list[Article] = []
    for i, rec in enumerate(records):
        if isinstance(rec, dict) and isinstance(rec.get("variants"), dict):
            shared = {k: v for k, v in rec.items() if k != "variants"}
            for lang, variant in rec["variants"].items():
                out.append(_from_record({**shared, "language": lang, **variant}, tenant_id, f"{where}[{i}]"))
        else:
            out.append(_from_record(rec, tenant_id, f"{where}[{i}]"))
    return out


def articles_from_records(data: Any, where: str = "body") -> list[Article]:
    """Validated articles from JSON data: a list of records, or {"articles": [...]}, variants allowed."""
    return _from_json(data, "", where)


def _tags(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        sep = "|" if "|" in value else ","
        return [t.strip() for t in value.split(sep) if t.strip()]
    return [str(t) for t in value]


def _from_record(rec: dict[str, Any], tenant_id: str, where: str) -> Article:
    key = str(rec.get("key") or rec.get("article_key") or rec.get("article_id") or "").strip()
    language = str(rec.get("language") or rec.get("lang") or "").strip()
    title = str(rec.get("title") or "").strip()
    body = str(rec.get("body") or "").strip()
    if not key:
        raise InvalidInput("article_key", f"{where}: missing")
    if language not in LANGUAGES:
        raise InvalidInput("language", f"{where}: expected one of {', '.join(LANGUAGES)}, got {language!r}")
    if not title or len(title) > MAX_TITLE:
        raise InvalidInput("title", f"{where}: expected 1 to {MAX_TITLE} characters")
    if not body:
        raise InvalidInput("body", f"{where}: missing")
    return Article(
        tenant_id=tenant_id, article_key=key, language=language, title=title, body=body,
        tags=_tags(rec.get("tags")), intent=(str(rec["intent"]) if rec.get("intent") else None),
        url=(str(rec["url"]) if rec.get("url") else None),
    )


def _refuse_duplicates(articles: list[Article]) -> None:
    seen: set[tuple[str, str]] = set()
    for a in articles:
        if (a.article_key, a.language) in seen:
            raise InvalidInput("article_key", f"{a.article_key} has two {a.language} variants")
        seen.add((a.article_key, a.language))
