"""Reverse foreign key add()/set() with bulk=False: Django saves each book instead of one bulk
UPDATE, the save is routed to "default", and a book read from the replica is accepted."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    book = Book.objects.get(title="Book 0")                      # routed to "replica"
    marty.edited.add(book, bulk=False)
    second = Book.objects.using("replica").get(title="Book 1")
    marty.edited.set([book, second], bulk=False)
    return sorted(Book.objects.using("default").filter(editor=marty).values_list("title", flat=True))


def check(result):
    return result == ["Book 0", "Book 1"]
