"""Nested loops: the outer Prefetch("book_set", queryset=...) is held in a variable and its
queryset joins the publisher, so the inner loop reads it from the prefetched rows."""
from django.db.models import Prefetch

from catalog.models import Book, Person, Publisher


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)
        book.authors.add(author)


def scenario():
    rows = []
    books = Prefetch("book_set", queryset=Book.objects.select_related("publisher"))
    for author in Person.objects.prefetch_related(books):
        for book in author.book_set.all():
            rows.append((author.name, book.publisher.name))
    return rows
