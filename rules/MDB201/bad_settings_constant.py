"""The archive alias comes from settings.ARCHIVE_DB; the m2m `authors__in` lookup refuses it."""
from django.conf import settings

from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def setup(n):
    for i in range(n):
        Person.objects.using(settings.ARCHIVE_DB).create(name=f"Archived {i}")


def scenario():
    archived = Person.objects.using(settings.ARCHIVE_DB).all()
    return Book.objects.filter(authors__in=archived).count()  # expect: MDB201
