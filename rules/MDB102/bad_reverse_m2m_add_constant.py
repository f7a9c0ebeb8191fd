"""Reverse many-to-many add() (`person.book_set`): the alias of the book is a module constant."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='instance is on database "default", value is on database "other"')

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        Book.objects.using(ARCHIVE).create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    dive = Book.objects.using(ARCHIVE).get(title="Book 0")
    marty.book_set.add(dive)  # expect: MDB102
