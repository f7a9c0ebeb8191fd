"""The forward side of a ManyToManyField (book.authors) evaluated per book."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(author)


# fix: prefetch_related("authors")
def scenario():
    return [[str(a) for a in book.authors.all()] for book in Book.objects.all()]  # expect: MDB302
