"""A project function adds to related managers of its parameters; each call passes instances
from one database, or a pair the router allows (the primary and its replica)."""
from catalog.models import Book, Person


def link(editor, book):
    editor.edited.add(book)


def credit(book, author):
    book.authors.add(author)


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.using("other").create(name="Archivist")
    Person.objects.create(name="Ada Lovelace")


def scenario():
    archivist = Person.objects.using("other").get(name="Archivist")
    link(archivist, Book.objects.using("other").get(title="Archived 1"))
    ada = Person.objects.using("default").get(name="Ada Lovelace")
    book = Book.objects.get(title="Book 0")   # routed to the replica
    credit(book, ada)
    return (sorted(archivist.edited.values_list("title", flat=True)),
            sorted(book.authors.using("default").values_list("name", flat=True)))


def check(result):
    return result == (["Archived 1"], ["Ada Lovelace"])
