"""Tawasol: a self-hosted customer-service platform where AI and people work together."""

__version__ = "0.1.0"
