"""A related manager of an object fetched with its prefetch before the loop answers from the
prefetched rows: count() and iteration inside the loop run no query."""
from catalog.models import Book, Publisher


def setup(n):
    publisher = Publisher.objects.create(name="Publisher")
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    publisher = Publisher.objects.prefetch_related("book_set").get(name="Publisher")
    return [(book.title, publisher.book_set.count(), len(list(publisher.book_set.all())))
            for book in Book.objects.all()]
