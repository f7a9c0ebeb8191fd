"""The loop is over an unannotated parameter, and the caller in the same module passes a queryset:
one save per book."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def touch(books):
    for book in books:
        book.save()  # expect: MDB305


def scenario():
    touch(Book.objects.order_by("pk"))
    return Book.objects.count()
