"""Person.objects.archived() and the Book query both on "other" (a module constant)."""
from catalog.models import Book, Person

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        archived = Person.objects.using(ARCHIVE).create(name=f"Archived {i}")
        Book.objects.using(ARCHIVE).create(title=f"Archived book {i}", published="2024-01-01", editor=archived)


def scenario():
    archived = Person.objects.archived().get(name="Archived 1")
    return list(Book.objects.using(ARCHIVE).filter(editor=archived).values_list("title", flat=True))


def check(titles):
    return titles == ["Archived book 1"]
