"""Forward many-to-many add(): a book on the primary given an author read from the archive."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='Cannot add .*instance is on database "default", value is on database "other"')


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.using("other").create(name="Mark Pilgrim")


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    author = Person.objects.using("other").get(name="Mark Pilgrim")
    book.authors.add(author)  # expect: MDB102
