"""defer(None) clears the deferrals made before it: the loop reads loaded fields."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    dates = []
    for book in Book.objects.defer("published").defer(None):
        dates.append(book.published)
    return dates
