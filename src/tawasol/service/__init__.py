"""Command handlers: each use case runs the capabilities inside a unit of work and returns its events."""
