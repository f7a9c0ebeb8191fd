"""Tag.objects.update_or_create() per book: a SELECT plus an INSERT or UPDATE per row."""
from catalog.models import Book, Tag

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    for book in Book.objects.all():
        Tag.objects.update_or_create(name=f"about {book.title}", defaults={})  # expect: MDB305
    return Tag.objects.count()
