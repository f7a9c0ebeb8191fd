"""book.save() on every row of the loop: one UPDATE per book."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    for book in Book.objects.all():
        book.title = book.title.upper()
        book.save()  # expect: MDB305
    return sorted(Book.objects.values_list("title", flat=True))
