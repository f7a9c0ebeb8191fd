"""Nested loops: the outer queryset prefetches each author's books, but not the books'
publishers, so the inner loop queries once per book."""
from catalog.models import Book, Person, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)
        book.authors.add(author)


# fix: prefetch_related("book_set", "book_set__publisher")
def scenario():
    rows = []
    for author in Person.objects.prefetch_related("book_set"):
        for book in author.book_set.all():
            rows.append((author.name, book.publisher.name))  # expect: MDB301
    return rows
