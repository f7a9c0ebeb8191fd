"""union() of a routed queryset with one bound to "other": Django evaluates both on "replica",
so the archive's books are never read."""
from catalog.models import Book

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: not any(t.startswith("Archived") for t in titles))


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01")


def scenario():
    current = Book.objects.order_by().values_list("title", flat=True)
    archived = Book.objects.using("other").order_by().values_list("title", flat=True)
    return sorted(current.union(archived))  # expect: MDB203
