"""tag.books.add(book) on a tag fetched before the loop: one INSERT (and a SELECT) per book."""
from catalog.models import Book, Tag

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    Tag.objects.create(name="new")
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    tag = Tag.objects.get(name="new")
    for book in Book.objects.filter(published__year=2024):
        tag.books.add(book)  # expect: MDB305
    return tag.books.count()
