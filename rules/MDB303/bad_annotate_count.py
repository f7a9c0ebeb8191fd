"""annotate(Count(...)) on a prefetched M2M manager (person.book_set): a new query per person."""
from django.db.models import Count

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
    for person in Person.objects.prefetch_related("book_set"):
        books = person.book_set.annotate(n_authors=Count("authors"))  # expect: MDB303
        rows.append([(book.title, book.n_authors) for book in books])
    return rows
