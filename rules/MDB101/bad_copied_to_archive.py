"""save(using="other") copies a book to the archive and rebinds the instance there: an editor
read from the primary can no longer be assigned to it."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    book.save(using="other")
    book.editor = Person.objects.using("default").get(name="Staff 0")  # expect: MDB101
    book.save()
