"""Loops over values() and values_list() rows: dicts and tuples, nothing deferred."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    dates = [row["published"] for row in Book.objects.values("title", "published")]
    for title, published in Book.objects.values_list("title", "published"):
        dates.append(f"{title}: {published}")
    dates.extend(Book.objects.defer("published").values_list("published", flat=True))
    return dates
