"""A helper imported by name from a project module (catalog.services.recent_books) returns a
queryset on the replica; the update through it is a write to the replica."""
from catalog.services import recent_books
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def scenario():
    recent_books().update(title="Renamed")  # expect: MDB402
