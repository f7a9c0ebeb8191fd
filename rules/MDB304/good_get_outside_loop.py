"""A deferred field read once on an instance fetched with get(), outside any loop."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    book = Book.objects.only("title").get(title="Book 0")
    titles = [other.title for other in Book.objects.only("title")]
    return book.published, titles
