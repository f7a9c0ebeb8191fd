"""Subquery() and the outer query both on "other" (a literal and settings.ARCHIVE_DB)."""
from django.conf import settings
from django.db.models import Subquery

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01", editor=editor)
    Person.objects.using("other").create(name="Reader")


def scenario():
    names = Person.objects.using("other").filter(name__startswith="Archived").values("name")
    return Book.objects.using(settings.ARCHIVE_DB).filter(editor__name__in=Subquery(names)).count()


def check(count):
    return count in (3, 6)
