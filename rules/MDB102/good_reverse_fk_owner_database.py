"""Reverse foreign key bulk add()/set() with the books fetched from the manager's own write
database ("default", as a literal, a settings constant and db_manager())."""
from django.conf import settings

from catalog.models import Book, Person

PRIMARY = "default"


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.get(name="Marty Alchin")              # routed to "replica"; writes go to "default"
    first = Book.objects.using("default").get(title="Book 0")
    marty.edited.add(first)
    second = Book.objects.using(settings.PRIMARY_DB).get(title="Book 1")
    third = Book.objects.db_manager(PRIMARY).get(title="Book 2")
    marty.edited.set([first, second, third])
    return sorted(Book.objects.using("default").filter(editor=marty).values_list("title", flat=True))


def check(result):
    return result == ["Book 0", "Book 1", "Book 2"]
