"""Reverse foreign key remove() given an archive book whose editor has the same primary key as the
primary's editor: Django compares `editor_id` only, then clears the editor of the primary's book
with the archive book's primary key."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: "Pro Django" not in titles)


def setup(n):
    marty = Person.objects.create(name="Marty Alchin")                                   # pk 1 on "default"
    Book.objects.create(title="Pro Django", published="2008-12-16", editor=marty)        # pk 1 on "default"
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=marty)
    mark = Person.objects.using("other").create(name="Mark Pilgrim")                     # pk 1 on "other"
    Book.objects.using("other").create(title="Dive into Python", published="2009-05-04", editor=mark)


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    dive = Book.objects.using("other").get(title="Dive into Python")
    marty.edited.remove(dive)  # expect: MDB102
    return set(Book.objects.using("default").filter(editor=marty).values_list("title", flat=True))
