"""A helper returns a queryset bound to the archive; a book from it is given an editor read
from the primary."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def archived_books():
    return Book.objects.using("other").filter(published__year=2009)


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    book = archived_books().get(title="Archived 2")
    book.editor = Person.objects.using("default").get(name="Staff 2")  # expect: MDB101
    book.save()
