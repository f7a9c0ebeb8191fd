"""Books read from the replica in a loop, each saved back "where it came from" with
save(using=<module constant naming the replica>)."""
from catalog.models import Book

from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")

READS = "replica"


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published="2024-01-01")


def scenario():
    for book in Book.objects.using(READS).filter(title__startswith="Book"):
        book.published = "2025-01-01"
        book.save(using=READS)  # expect: MDB402
