"""A helper takes the alias as a parameter; called with "other" for the person while the book
comes from the primary."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def person_named(name, using="default"):
    return Person.objects.using(using).get(name=name)


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archivist {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    book.editor = person_named("Archivist 0", using="other")  # expect: MDB101
    book.save()
