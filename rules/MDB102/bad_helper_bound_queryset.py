"""The author comes from a helper that returns a queryset bound to the archive."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='instance is on database "default", value is on database "other"')


def archive_people():
    return Person.objects.using("other").order_by("name")


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.using("other").create(name="Mark Pilgrim")


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    author = archive_people().get(name="Mark Pilgrim")
    book.authors.add(author)  # expect: MDB102
