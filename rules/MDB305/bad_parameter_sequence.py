"""A helper whose parameter is annotated typing.Sequence[Book] saves every book."""
from typing import Sequence

from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def retitle(books: Sequence[Book]) -> None:
    for book in books:
        book.title = f"{book.title} (2nd ed.)"
        book.save(update_fields=["title"])  # expect: MDB305


def scenario():
    retitle(list(Book.objects.all()))
    return sorted(Book.objects.values_list("title", flat=True))
