"""An if/else picks the queryset; both branches cover the publisher (one joins it, one
prefetches it)."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario(newest_first=False):
    if newest_first:
        books = Book.objects.select_related("publisher").order_by("-published")
    else:
        books = Book.objects.prefetch_related("publisher")
    names = []
    for book in books:
        names.append(book.publisher.name)
    return names
