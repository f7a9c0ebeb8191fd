"""Many-to-many writes between the primary and its replica: the router's allow_relation accepts
the pair, and the links are written on db_for_write ("default")."""
from django.conf import settings

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Ada Lovelace")
    Person.objects.create(name="Grace Hopper")


def scenario():
    book = Book.objects.get(title="Book 0")                               # routed to "replica"
    ada = Person.objects.using("default").get(name="Ada Lovelace")
    grace = Person.objects.using(settings.REPLICA_DB).get(name="Grace Hopper")
    other_book = Book.objects.using(settings.PRIMARY_DB).get(title="Book 1")
    book.authors.add(ada)
    book.authors.set([ada, grace])
    book.authors.remove(grace)
    ada.book_set.add(other_book)
    grace.book_set.set([book, other_book])
    grace.book_set.remove(book)
    return (
        sorted(book.authors.using("default").values_list("name", flat=True)),
        sorted(grace.book_set.using("default").values_list("title", flat=True)),
    )


def check(result):
    return result == (["Ada Lovelace"], ["Book 1"])
