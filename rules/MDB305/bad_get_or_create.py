"""Tag.objects.get_or_create() per book: a SELECT (and an INSERT) per row."""
from catalog.models import Book, Tag

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Tag.objects.create(name="Book 0")


def scenario():
    created = 0
    for book in Book.objects.all():
        tag, was_created = Tag.objects.get_or_create(name=book.title)  # expect: MDB305
        created += was_created
    return created
