"""create() through .using("replica"): the replica is a read-only copy of "default"."""
from catalog.models import Book

from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def scenario():
    return Book.objects.using("replica").create(title="Dune", published="1965-08-01")  # expect: MDB402
