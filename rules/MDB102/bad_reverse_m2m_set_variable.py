"""Reverse many-to-many set() with books from two databases; the alias is a local variable."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='instance is on database "default", value is on database "other"')


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Pro Django {i}", published="2024-01-01")
    Book.objects.using("other").create(title="Dive into Python", published="2009-05-04")
    Person.objects.create(name="Marty Alchin")


def scenario():
    archive = "other"
    marty = Person.objects.using("default").get(name="Marty Alchin")
    pro = Book.objects.using("default").get(title="Pro Django 0")
    dive = Book.objects.using(archive).get(title="Dive into Python")
    marty.book_set.set([pro, dive])  # expect: MDB102
