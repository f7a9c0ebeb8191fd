"""The inner queryset has no .using(): it runs where the outer query runs, and the outer one
is pinned to "other" (a module constant)."""
from django.db.models import Exists, OuterRef

from catalog.models import Book, Person

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        editor = Person.objects.using(ARCHIVE).create(name=f"Archived {i}")
        Book.objects.using(ARCHIVE).create(title=f"Book {i}", published="2024-01-01", editor=editor)
    Book.objects.using(ARCHIVE).create(title="Unedited", published="2024-01-01")


def scenario():
    editors = Person.objects.filter(pk=OuterRef("editor_id"))
    return Book.objects.using(ARCHIVE).filter(Exists(editors)).count()


def check(count):
    return count in (3, 6)
