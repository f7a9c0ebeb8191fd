"""save(using="replica") of an instance read from "default"."""
from catalog.models import Book

from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published="2024-01-01")


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    book.title = "Book zero"
    book.save(using="replica")  # expect: MDB402
    return book.pk
