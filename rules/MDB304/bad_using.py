"""A loop over Book.objects.using("other").only("title"): each deferred read goes to the archive."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01")


def scenario():
    dates = []
    for book in Book.objects.using("other").only("title"):
        dates.append(book.published)  # expect: MDB304
    return dates
