"""Book.objects.filter(pk=book.pk).update(...) per row: one UPDATE per book."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    for book in Book.objects.all():
        Book.objects.filter(pk=book.pk).update(published="2025-01-01")  # expect: MDB305
    return Book.objects.filter(published="2025-01-01").count()
