"""Nested loops with the nested relation prefetched too: prefetch_related("book_set__authors")."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(author)


def scenario():
    rows = []
    for person in Person.objects.prefetch_related("book_set__authors"):
        for book in person.book_set.all():
            rows.append([author.name for author in book.authors.all()])
    return rows
