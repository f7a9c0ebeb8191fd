"""A helper takes the alias as a parameter; called with the archive, its book goes to a primary editor."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Cannot assign .*the current database router prevents this relation")


def book_on(using, title):
    return Book.objects.using(using).get(title=title)


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    book = book_on("other", "Book 0")
    marty.edited.add(book)  # expect: MDB102
