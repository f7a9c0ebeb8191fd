"""Book.objects is BookManager.from_queryset(BookQuerySet)(): the queryset method
published_before() called through db_manager("replica") keeps the replica, then update()."""
import datetime

from catalog.models import Book
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published=datetime.date(2001, 1, 1))


def scenario():
    old = Book.objects.db_manager("replica").published_before(datetime.date(2010, 1, 1))
    return old.update(title="Out of print")  # expect: MDB402
