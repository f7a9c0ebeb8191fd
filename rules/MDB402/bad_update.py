"""update() on a queryset bound to the replica by a module constant."""
from catalog.models import Book

from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")

READS = "replica"


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return Book.objects.using(READS).filter(title__startswith="Book").update(published="2025-01-01")  # expect: MDB402
