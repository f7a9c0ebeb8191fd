"""Each queryset evaluated on its own database and the rows combined in Python."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2020-01-01")


def scenario():
    current = list(Book.objects.values_list("title", flat=True))
    archived = list(Book.objects.using("other").values_list("title", flat=True))
    return sorted(current + archived)


def check(titles):
    return len(titles) in (6, 12) and any(t.startswith("Archived") for t in titles)
