"""str(book) runs Book.__str__, which reads the title: only() loaded it."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return [str(book) for book in Book.objects.only("title")]
