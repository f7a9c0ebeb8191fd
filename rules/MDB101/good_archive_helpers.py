"""The archive on both sides through every alias source: a helper returning a bound queryset,
the custom manager method Person.objects.archived(), settings.ARCHIVE_DB and a loop."""
from django.conf import settings

from catalog.models import Book, Person


def archived_books():
    return Book.objects.using("other").filter(published__year=2009)


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archivist {i}")
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    book = archived_books().get(title="Archived 0")
    book.editor = Person.objects.archived().get(name="Archivist 0")
    book.save()
    chief = Person.objects.using(settings.ARCHIVE_DB).get(name="Archivist 1")
    for book in Book.objects.using(settings.ARCHIVE_DB).filter(title__in=["Archived 1", "Archived 2"])[:2]:
        book.editor = chief
        book.save()
    return sorted(Book.objects.using("other").exclude(editor=None).values_list("editor__name", flat=True))


def check(names):
    return names == ["Archivist 0", "Archivist 1", "Archivist 1"]
