"""Reverse foreign key set() with one book from each database (Django's own
test_foreign_key_cross_database_protection)."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Cannot assign .*the current database router prevents this relation")


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Pro Django {i}", published="2008-12-16")
    Book.objects.using("other").create(title="Dive into Python", published="2009-05-04")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    pro = Book.objects.using("default").get(title="Pro Django 0")
    dive = Book.objects.using("other").get(title="Dive into Python")
    marty.edited.set([pro, dive])  # expect: MDB102
