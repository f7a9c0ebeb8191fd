"""str(book) runs Book.__str__, which reads the title that only("published") deferred: one query per row."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return [str(book) for book in Book.objects.only("published")]  # expect: MDB304
