"""Person.objects.archived() (bound to "other") inside Exists() of a query on "other"."""
from django.db.models import Exists, OuterRef

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    archived = Person.objects.archived().filter(pk=OuterRef("editor_id"))
    rows = Book.objects.using("other").annotate(edited=Exists(archived)).values_list("title", "edited")
    return dict(rows)


def check(flags):
    return len(flags) in (3, 6) and all(flags.values())
