"""The loop is in a function that receives the queryset as a parameter; every caller passes a
queryset that joins the publisher (and one passes a list of it)."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def publisher_names(books):
    return [book.publisher.name for book in books]


def scenario():
    joined = publisher_names(Book.objects.select_related("publisher"))
    listed = publisher_names(list(Book.objects.select_related("publisher").order_by("pk")))
    return joined, listed
