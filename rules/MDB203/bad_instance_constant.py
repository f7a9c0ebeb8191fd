"""exclude(editor=...) with a person created on the archive (a module constant): the primary's
book edited by the same pk disappears from the result."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ARCHIVE = "other"

ORACLE = wrong_result(lambda titles: "Book 0" not in titles)


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    archived = Person.objects.using(ARCHIVE).create(name="Archived")
    return sorted(Book.objects.exclude(editor=archived).values_list("title", flat=True))  # expect: MDB203
