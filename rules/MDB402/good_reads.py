"""Reading from the replica, however it is named: a literal, settings.REPLICA_DB, a module
constant, a helper returning a bound queryset, and the router's own choice."""
from django.conf import settings

from catalog.models import Book

READS = "replica"


def fast_books():
    return Book.objects.using("replica")


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published="2024-01-01")


def scenario():
    counts = [
        Book.objects.using("replica").count(),
        Book.objects.using(settings.REPLICA_DB).filter(title__startswith="Book").count(),
        len(Book.objects.using(READS).values_list("pk", flat=True)),
        fast_books().count(),
        Book.objects.count(),            # routed to "replica"
    ]
    return len(set(counts)), Book.objects.using(READS).get(title="Book 0").title


def check(result):
    return result == (1, "Book 0")
