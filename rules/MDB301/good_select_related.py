"""select_related("publisher") joins the publisher into the loop's one query."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    names = []
    for book in Book.objects.select_related("publisher"):
        names.append(book.publisher.name)
    return names


def check(names):
    return all(name.startswith("Publisher") for name in names)
