"""Both queries pinned to "other" (a literal on one side, settings.ARCHIVE_DB on the other):
the subquery runs inside the outer query on the same database."""
from django.conf import settings

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=editor)
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    archived = Person.objects.using(settings.ARCHIVE_DB).filter(name__startswith="Archived")
    return Book.objects.using("other").filter(editor__in=archived).count()


def check(count):
    return count in (3, 6)
