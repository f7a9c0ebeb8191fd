"""The person and the Book query are both on "other" (a literal and settings.ARCHIVE_DB)."""
from django.conf import settings

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        archived = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=archived)


def scenario():
    archived = Person.objects.using("other").get(name="Archived 0")
    return list(Book.objects.using(settings.ARCHIVE_DB).filter(editor=archived).values_list("title", flat=True))


def check(titles):
    return titles == ["Archived book 0"]
