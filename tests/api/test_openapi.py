"""OpenAPI describes every route: each successful response that has a body names its schema."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

from tawasol.api import create_app
from tawasol.api import routes as routes_package
from tawasol.service.bootstrap import bootstrap


def undescribed(spec: dict[str, Any]) -> list[str]:
    """'METHOD path status' for each 2xx response with a body but no schema, or only a bare object
    (what a route returning `dict[str, Any]` gets)."""
    components = spec.get("components", {}).get("schemas", {})

    def described(schema: dict[str, Any]) -> bool:
        if "$ref" in schema:
            return described(components[schema["$ref"].rsplit("/", 1)[1]])
        if "anyOf" in schema or "oneOf" in schema:
            return all(described(s) for s in schema.get("anyOf", schema.get("oneOf", [])))
        if schema.get("type") == "array":
            return described(schema.get("items", {}))
        if schema.get("type") == "object" or not schema:
            return bool(schema.get("properties"))
        return "type" in schema or "enum" in schema or "const" in schema

    missing = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation.get("responses", {}).items():
                if not status.startswith("2") or status == "204":
                    continue
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if schema is None or not described(schema):
                    missing.append(f"{method.upper()} {path} {status}")
    return missing


def _api_routes() -> list[APIRoute]:
    """The HTTP routes of every router module in `tawasol.api.routes`."""
    found = []
    for info in pkgutil.iter_modules(routes_package.__path__):
        router = getattr(importlib.import_module(f"{routes_package.__name__}.{info.name}"), "router", None)
        found += [r for r in getattr(router, "routes", []) if isinstance(r, APIRoute)]
    return found


def test_every_successful_response_has_a_schema(settings) -> None:  # type: ignore[no-untyped-def]
    platform = bootstrap(settings, steps=[])
    app = create_app(platform, warm_up=False)
    spec = app.openapi()
    assert undescribed(spec) == []
    documented = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    routes = {(r.path, m) for r in _api_routes() if r.include_in_schema for m in r.methods}
    assert len(routes) >= 35  # every resource's routes were found, not an empty list
    assert sorted(routes - documented) == []
    platform.engine.dispose()


def test_a_route_returning_a_plain_dict_is_reported() -> None:
    app = FastAPI()

    @app.get("/untyped")
    def untyped() -> dict[str, Any]:
        return {}

    @app.delete("/gone", status_code=204)
    def gone() -> None:
        return None

    assert undescribed(app.openapi()) == ["GET /untyped 200"]
