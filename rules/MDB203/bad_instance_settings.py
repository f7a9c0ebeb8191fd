"""An m2m `authors=` lookup with a person from settings.ARCHIVE_DB: the primary's books
written by whoever has that pk there come back."""
from django.conf import settings

from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda count: count == 1)


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01").authors.add(author)
        Person.objects.using(settings.ARCHIVE_DB).create(name=f"Archived {i}")


def scenario():
    archived = Person.objects.using(settings.ARCHIVE_DB).get(name="Archived 1")
    return Book.objects.filter(authors=archived).count()  # expect: MDB203
