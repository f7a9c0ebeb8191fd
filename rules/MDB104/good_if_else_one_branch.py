"""The branch reads the editor from the archive or the primary, and the book is written on the
archive: one possibility is right, so mdblint does not report it; this run takes it."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Staff {i}")


def archive_book(title, archived):
    if archived:
        alias = "other"
    else:
        alias = "default"
    editor = Person.objects.using(alias).get(name="Staff 0")
    book = Book.objects.using("other").create(title=title, published="2009-05-04", editor=editor)
    return editor._state.db, Book.objects.using("other").get(pk=book.pk).editor.name


def scenario():
    return archive_book("Dive", archived=True)


def check(result):
    return result == ("other", "Staff 0")
