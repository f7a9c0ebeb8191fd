"""A project function assigns the relation on its parameters; the call passes a book from the
archive and a person from the primary, so the call site is reported."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def assign_editor(book, person):
    book.editor = person
    return book


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    book = Book.objects.using("other").get(title="Archived 1")
    person = Person.objects.using("default").get(name="Staff 1")
    assign_editor(book, person).save()  # expect: MDB101
