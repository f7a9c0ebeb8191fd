"""Reverse foreign key add() with an explicit bulk=True and a book read from the replica: the same
"instance isn't saved" ValueError as the default."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match=r"instance isn't saved\. Use bulk=False or save the object first")


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    book = Book.objects.using("replica").get(title="Book 0")
    marty.edited.add(book, bulk=True)  # expect: MDB102
