"""setattr() of a ForeignKey across databases; the archive alias is a module constant."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Book.objects.using(ARCHIVE).create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    book = Book.objects.using(ARCHIVE).get(title="Archived 0")
    editor = Person.objects.get(name="Staff 0")  # routed: read from "replica"
    setattr(book, "editor", editor)  # expect: MDB101
    book.save()
