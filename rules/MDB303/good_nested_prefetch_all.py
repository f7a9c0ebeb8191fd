"""Nested prefetch "book_set__authors": the inner loop reads each book's authors with .all()
and .count(), both from the cache."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(author)


def scenario():
    rows = []
    for author in Person.objects.prefetch_related("book_set__authors"):
        for book in author.book_set.all():
            rows.append(([a.name for a in book.authors.all()], book.authors.count()))
    return rows
