"""Reading the raw foreign key value (book.publisher_id) needs no query."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    ids = [book.publisher_id for book in Book.objects.all()]
    ids += [book.publisher.pk for book in Book.objects.select_related("publisher")]
    return ids
