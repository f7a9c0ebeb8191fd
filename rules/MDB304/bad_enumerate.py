"""The loop iterates enumerate() over a defer("published") queryset: still one query per row."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    lines = []
    for number, book in enumerate(Book.objects.defer("published"), 1):
        lines.append(f"{number}. {book.title} ({book.published})")  # expect: MDB304
    return lines
