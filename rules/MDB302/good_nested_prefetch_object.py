"""Nested loops: Prefetch("book_set", queryset=Book.objects.prefetch_related("authors")) covers
both levels."""
from django.db.models import Prefetch

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(author)


def scenario():
    books = Book.objects.prefetch_related("authors")
    rows = []
    for person in Person.objects.prefetch_related(Prefetch("book_set", queryset=books)):
        for book in person.book_set.all():
            rows.append([author.name for author in book.authors.all()])
    return rows
