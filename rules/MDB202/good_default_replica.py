"""Exists() over a queryset pinned to "default" inside a routed query (on "replica"): Django
still runs it on "replica", but the replica mirrors the primary, so the answer is right. The
router allows relations between the two, which is how mdblint knows they share data."""
from django.db.models import Exists, OuterRef

from catalog.models import Book, Person


def setup(n):
    Person.objects.create(name="Reader")
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
    Book.objects.create(title="Unedited", published="2024-01-01")


def scenario():
    editors = Person.objects.using("default").filter(pk=OuterRef("editor_id"), name__startswith="Editor")
    return Book.objects.filter(Exists(editors)).count()


def check(count):
    return count in (3, 6)
