"""Forward many-to-many set(): one of the authors comes from `settings.ARCHIVE_DB`."""
from django.conf import settings

from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='instance is on database "default", value is on database "other"')


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Marty Alchin")
    Person.objects.using(settings.ARCHIVE_DB).create(name="Mark Pilgrim")


def scenario():
    book = Book.objects.using(settings.PRIMARY_DB).get(title="Book 0")
    marty = Person.objects.using(settings.PRIMARY_DB).get(name="Marty Alchin")
    mark = Person.objects.using(settings.ARCHIVE_DB).get(name="Mark Pilgrim")
    book.authors.set([marty, mark])  # expect: MDB102
