"""Forward many-to-many set(queryset) with the archive's people."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='instance is on database "default", value is on database "other"')


def setup(n):
    Book.objects.create(title="Anthology", published="2024-01-01")
    for i in range(n):
        Person.objects.using("other").create(name=f"Author {i}")


def scenario():
    book = Book.objects.using("default").get(title="Anthology")
    book.authors.set(Person.objects.using("other").filter(name__startswith="Author"))  # expect: MDB102
