"""A helper reached as a module attribute of a project module (catalog.services.recent_books)
returns a queryset on the replica; the update through it is a write to the replica."""
from catalog import services
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def scenario():
    services.recent_books(days=7).update(title="Renamed")  # expect: MDB402
