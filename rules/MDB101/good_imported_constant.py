"""Both objects come through the same imported constant: Django accepts the relation."""
from bookstore_site.settings import ARCHIVE_DB
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Person.objects.using(ARCHIVE_DB).create(name=f"Archivist {i}")


def scenario():
    book = Book.objects.using(ARCHIVE_DB).create(title="Dive", published="2009-05-04")
    book.editor = Person.objects.using(ARCHIVE_DB).get(name="Archivist 0")
    book.save()
    return Book.objects.using(ARCHIVE_DB).get(pk=book.pk).editor.name


def check(name):
    return name == "Archivist 0"
