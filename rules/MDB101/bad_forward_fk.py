"""A ForeignKey on a book from "other" set to a person read from "default"."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    book = Book.objects.using("other").get(title="Archived 0")
    person = Person.objects.using("default").get(name="Staff 0")
    book.editor = person  # expect: MDB101
    book.save()
