"""A helper defined in the module returns a queryset that already joins the publisher."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def books_with_publisher():
    return Book.objects.select_related("publisher")


def scenario():
    names = []
    for book in books_with_publisher().filter(published__year=2024):
        names.append(book.publisher.name)
    return names
