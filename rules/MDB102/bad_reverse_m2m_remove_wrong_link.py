"""Reverse many-to-many remove() (`person.book_set`) given a book from the archive: the link to the
primary's book with the same primary key is deleted, silently."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: "Pro Django" not in titles)


def setup(n):
    marty = Person.objects.create(name="Marty Alchin")
    for title in ["Pro Django"] + [f"Book {i}" for i in range(n)]:
        Book.objects.create(title=title, published="2008-12-16").authors.add(marty)
    Book.objects.using("other").create(title="Dive into Python", published="2009-05-04")  # pk 1 there too


def scenario():
    marty = Person.objects.using("default").get(name="Marty Alchin")
    dive = Book.objects.using("other").get(title="Dive into Python")
    marty.book_set.remove(dive)  # expect: MDB102
    return set(marty.book_set.using("default").values_list("title", flat=True))
