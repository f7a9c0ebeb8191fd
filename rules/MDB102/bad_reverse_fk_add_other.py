"""Reverse foreign key add() (`person.edited`, Book.editor's related manager): the book is on the
archive, the editor on the primary, and the router has no opinion on that pair."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Cannot assign .*the current database router prevents this relation")


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    dive = Book.objects.using("other").get(title="Book 0")
    marty.edited.add(dive)  # expect: MDB102
