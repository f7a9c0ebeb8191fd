"""The custom manager method `Person.objects.archived()` reads from "other"; the book is on the primary."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='instance is on database "other", value is on database "default"')


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.using("other").create(name="Mark Pilgrim")


def scenario():
    mark = Person.objects.archived().get(name="Mark Pilgrim")
    book = Book.objects.using("default").get(title="Book 0")
    mark.book_set.add(book)  # expect: MDB102
