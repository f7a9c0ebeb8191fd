"""Reverse foreign key add() with bulk=True (the default): the router allows a book read from the
replica to be related to an editor on the primary, but the bulk UPDATE runs on the manager's write
database ("default") and Django refuses any object whose `_state.db` is not that database."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match=r"instance isn't saved\. Use bulk=False or save the object first")


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    book = Book.objects.get(title="Book 0")  # routed: db_for_read -> "replica"
    marty.edited.add(book)  # expect: MDB102
