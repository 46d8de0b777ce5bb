"""Atelier Résilience: run territorial-resilience serious-game workshops offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("atelier-resilience")
except PackageNotFoundError:  # running from a source tree or a bundle without metadata
    __version__ = "0.1.0"
