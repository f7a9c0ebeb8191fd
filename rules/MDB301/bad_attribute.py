"""The queryset is kept in an attribute (a report object) and looped over in the same method:
each book still queries its publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


class Report:
    def lines(self):
        self.books = Book.objects.order_by("title")
        return [f"{book.title}: {book.publisher.name}" for book in self.books]  # expect: MDB301


def scenario():
    return Report().lines()
