"""Nested loops: the outer queryset prefetches each author's books but not the books' authors,
so the inner loop queries book.authors once per book."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(author)


# fix: prefetch_related("book_set", "book_set__authors")
def scenario():
    rows = []
    for person in Person.objects.prefetch_related("book_set"):
        for book in person.book_set.all():
            rows.append([author.name for author in book.authors.all()])  # expect: MDB302
    return rows
