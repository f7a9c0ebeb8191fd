"""`qs |= other` with a queryset bound to "other": the combination runs on "replica"."""
from catalog.models import Book

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: "Archived book" not in titles)


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Book.objects.using("other").create(title="Archived book", published="2020-01-01")


def scenario():
    books = Book.objects.filter(published__year=2024)
    books |= Book.objects.using("other").filter(published__year=2020)  # expect: MDB203
    return sorted(books.values_list("title", flat=True))
