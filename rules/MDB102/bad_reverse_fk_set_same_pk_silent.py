"""Reverse foreign key set() with an archive book equal (same model, same primary key) to a book the
editor already has on the primary: Django's set() keeps "the same" book, raises nothing, and the
archive book is never attached."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: titles == ["Pro Django"])


def setup(n):
    marty = Person.objects.create(name="Marty Alchin")
    Book.objects.create(title="Pro Django", published="2008-12-16", editor=marty)     # pk 1 on "default"
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Book.objects.using("other").create(title="Dive into Python", published="2009-05-04")  # pk 1 on "other"


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    dive = Book.objects.using("other").get(title="Dive into Python")
    marty.edited.set([dive])  # expect: MDB102
    return list(Book.objects.using("default").filter(editor=marty).values_list("title", flat=True))
