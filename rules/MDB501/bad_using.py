"""A typo in the alias passed to .using()."""
from catalog.models import Book

from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="replcia")


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return Book.objects.using("replcia").filter(title__startswith="Book").count()  # expect: MDB501
