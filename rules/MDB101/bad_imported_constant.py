"""The alias comes from a constant imported from another project module (the settings module,
imported directly): a book on the archive is given a person from the primary."""
from bookstore_site.settings import ARCHIVE_DB, PRIMARY_DB
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        Person.objects.using(PRIMARY_DB).create(name=f"Staff {i}")


def scenario():
    book = Book.objects.using(ARCHIVE_DB).create(title="Dive", published="2009-05-04")
    book.editor = Person.objects.using(PRIMARY_DB).get(name="Staff 0")  # expect: MDB101
