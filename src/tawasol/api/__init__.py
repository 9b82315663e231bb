"""HTTP and WebSocket entry points (FastAPI); the only layer that knows about HTTP."""

from tawasol.api.app import create_app

__all__ = ["create_app"]
