"""The reverse side of a ManyToManyField (person.book_set) counted per person; the loop is a
generator expression passed to sum()."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(author)


# fix: prefetch_related("book_set")
def scenario():
    return sum(person.book_set.count() for person in Person.objects.all())  # expect: MDB302
