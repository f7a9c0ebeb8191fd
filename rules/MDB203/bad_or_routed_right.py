"""`|` of a queryset on "other" with a routed one: the combination runs on "other", so the
routed side's rows (the primary's, read from "replica") are never read."""
from catalog.models import Book

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: not any(t.startswith("Book") for t in titles))


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2020-01-01")


def scenario():
    archived = Book.objects.using("other").filter(published__year=2020)
    current = Book.objects.filter(published__year=2024)
    return sorted((archived | current).values_list("title", flat=True))  # expect: MDB203
