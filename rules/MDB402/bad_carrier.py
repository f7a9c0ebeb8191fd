"""Aliases carried by Django's own objects: a queryset's `.db`, an instance's `_state.db` and
what `router.db_for_read()` answers are all "replica" here; writing through them goes there."""
from django.db import router

from catalog.models import Book, Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def scenario():
    recent = Publisher.objects.using("replica").filter(name__startswith="P")
    Publisher.objects.using(recent.db).create(name="Penguin")  # expect: MDB402
    book = Book.objects.using("replica").first()
    if book is not None:
        book.save(using=book._state.db)  # expect: MDB402
    Publisher.objects.using(router.db_for_read(Publisher)).create(name="Faber")  # expect: MDB402
