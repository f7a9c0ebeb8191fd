"""Person.objects.archived() is bound to "other", and so is the outer query (module constant)."""
from catalog.models import Book, Person

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        editor = Person.objects.using(ARCHIVE).create(name=f"Archived {i}")
        Book.objects.using(ARCHIVE).create(title=f"Archived book {i}", published="2024-01-01", editor=editor)


def scenario():
    return Book.objects.using(ARCHIVE).filter(editor__in=Person.objects.archived()).count()


def check(count):
    return count in (3, 6)
