"""An if/else picks the book's database ("default" or "replica"); either way the author is on the
archive, and both pairs are refused."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='instance is on database "(default|replica)", value is on database "other"')


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.using("other").create(name="Mark Pilgrim")


def scenario(fresh=True):
    if fresh:
        book = Book.objects.using("default").get(title="Book 0")
    else:
        book = Book.objects.using("replica").get(title="Book 0")
    author = Person.objects.using("other").get(name="Mark Pilgrim")
    book.authors.add(author)  # expect: MDB102
