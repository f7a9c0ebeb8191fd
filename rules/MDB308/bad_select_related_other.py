# fixture: django>=6.1
"""select_related("publisher") loads the publisher; the editor, not selected, is blocked by FETCH_RAISE."""
from django.db import models

from catalog.models import Book, Person, Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("FieldFetchBlocked")


def setup(n):
    for i in range(n):
        person = Person.objects.create(name=f"Person {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=person,
                            publisher=Publisher.objects.create(name=f"Publisher {i}"))


def scenario():
    books = Book.objects.select_related("publisher").fetch_mode(models.FETCH_RAISE)
    return [(book.publisher.name, book.editor.name) for book in books]  # expect: MDB308
