"""Atelier Résilience: run territorial-resilience serious-game workshops offline."""

# A literal rather than importlib.metadata: reading installed metadata costs a scan of sys.path at every
# start-up. tests/unit/test_version.py keeps it equal to pyproject.toml's version.
__version__ = "0.1.0"
