"""The relation is assigned on every row (then saved with bulk_update); reading it back
afterwards uses the instance's cache: no query per row."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    publisher = Publisher.objects.create(name="Penguin")
    books = list(Book.objects.all())
    for book in books:
        book.publisher = publisher
    Book.objects.bulk_update(books, ["publisher"])
    return [book.publisher.name for book in books]
