"""The loop is in a function that receives the queryset as a parameter; the caller's only()
names the field the loop reads."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def publication_dates(books):
    return [book.published for book in books]


def scenario():
    return publication_dates(Book.objects.only("title", "published"))
