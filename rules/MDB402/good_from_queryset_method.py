"""Look-alike of bad_from_queryset_method.py: the queryset method through db_manager("default")
(and through the routed manager) writes to the primary."""
import datetime

from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published=datetime.date(2001, 1, 1))


def scenario():
    old = Book.objects.db_manager("default").published_before(datetime.date(2010, 1, 1))
    old.update(title="Out of print")
    Book.objects.published_after(datetime.date(2000, 1, 1)).update(title="Reprinted")
    return Book.objects.using("default").filter(title="Reprinted").count()


def check(result):
    return result > 0
