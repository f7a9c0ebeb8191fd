"""One queryset update() instead of a save() per row."""
from django.db.models.functions import Upper

from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    changed = Book.objects.filter(published__year=2024).update(title=Upper("title"))
    return changed, sorted(Book.objects.using("default").values_list("title", flat=True))   # read back from the primary (MDB405)


def check(result):
    changed, titles = result
    return changed == len(titles) and all(title.startswith("BOOK ") for title in titles)
