"""The branch picks the book's alias: on "other" the archive editor fits, on "default" it would
not. One possibility is fine, so mdblint does not report it; this run takes the archive branch."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archivist {i}")
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def pick_editor(archived, title):
    if archived:
        alias = "other"
    else:
        alias = "default"
    book = Book.objects.using(alias).get(title=title)
    book.editor = Person.objects.using("other").get(name="Archivist 0")
    book.save()
    return book._state.db


def scenario():
    return pick_editor(True, "Archived 0")


def check(alias):
    return alias == "other"
