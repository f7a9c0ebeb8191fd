"""The branch picks the book's alias, primary or replica; either way the editor comes from the
archive, so both possibilities conflict."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archivist {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def pick_editor(fresh):
    if fresh:
        alias = "default"
    else:
        alias = "replica"
    book = Book.objects.using(alias).get(title="Book 0")
    book.editor = Person.objects.using("other").get(name="Archivist 0")  # expect: MDB101
    return book


def scenario():
    pick_editor(fresh=False)
