"""filter(Exists(...)) with the archive named by a module constant; the EXISTS runs on
"replica" and finds no archived rows there."""
from django.db.models import Exists, OuterRef

from catalog.models import Book

from mdblint.runtime.oracles import wrong_result

ARCHIVE = "other"

# Every book has an archived copy with the same title, yet none is found.
ORACLE = wrong_result(lambda titles: titles == [])


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Book.objects.using(ARCHIVE).create(title=f"Book {i}", published="2023-01-01")


def scenario():
    copies = Book.objects.using(ARCHIVE).filter(title=OuterRef("title"), published__year=2023)
    return list(Book.objects.filter(Exists(copies)).values_list("title", flat=True))  # expect: MDB202
