"""Nested loops whose inner relation is prefetched too: prefetch_related("book_set__publisher")."""
from catalog.models import Book, Person, Publisher


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)
        book.authors.add(author)


def scenario():
    rows = []
    for author in Person.objects.prefetch_related("book_set__publisher"):
        for book in author.book_set.all():
            rows.append((author.name, book.publisher.name))
    return rows
