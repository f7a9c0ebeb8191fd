"""A project function adds to a related manager of its parameter; the call passes a person from
the primary and a book from the archive, so the call site is reported."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def link(editor, book):
    editor.edited.add(book)


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    book = Book.objects.using("other").get(title="Archived 1")
    link(marty, book)  # expect: MDB102
