"""Person.objects.archived() is bound to "other" (a custom manager method calling .using()); its
person is set as the editor of a book on the primary."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archivist {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    book = Book.objects.using("default").get(title="Book 1")
    book.editor = Person.objects.archived().get(name="Archivist 1")  # expect: MDB101
    book.save()
