"""`|` of a routed queryset and one bound to "other" (settings.ARCHIVE_DB): one query, on
"replica"; the archive's condition is applied to the primary's rows."""
from django.conf import settings

from catalog.models import Book

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: "Archived book" not in titles)


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Book.objects.using(settings.ARCHIVE_DB).create(title="Archived book", published="2020-01-01")


def scenario():
    recent = Book.objects.filter(published__year=2024)
    old = Book.objects.using(settings.ARCHIVE_DB).filter(published__year=2020)
    return sorted((recent | old).values_list("title", flat=True))  # expect: MDB203
