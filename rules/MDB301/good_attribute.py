"""The queryset kept in an attribute joins the publisher: one query."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


class Report:
    def lines(self):
        self.books = Book.objects.select_related("publisher").order_by("title")
        return [f"{book.title}: {book.publisher.name}" for book in self.books]


def scenario():
    return Report().lines()
