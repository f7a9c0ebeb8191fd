"""Nested prefetch "book_set__authors": filter() on each book's prefetched authors queries once
per book."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(author)


def scenario():
    rows = []
    for author in Person.objects.prefetch_related("book_set__authors"):
        for book in author.book_set.all():
            rows.append([a.name for a in book.authors.filter(name__startswith="Author")])  # expect: MDB303
    return rows
