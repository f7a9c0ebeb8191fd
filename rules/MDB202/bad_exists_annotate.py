"""annotate() with Exists() over a queryset bound to "other" (settings.ARCHIVE_DB): the EXISTS
runs on "replica", against the primary's people, so every book looks archived."""
from django.conf import settings
from django.db.models import Exists, OuterRef

from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

# Only Book 0's editor is in the archive.
ORACLE = wrong_result(lambda flags: flags["Book 1"] is True)


def setup(n):
    Person.objects.using(settings.ARCHIVE_DB).create(name="Editor 0")
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    archived = Person.objects.using(settings.ARCHIVE_DB).filter(name=OuterRef("editor__name"))
    rows = Book.objects.annotate(archived=Exists(archived)).values_list("title", "archived")  # expect: MDB202
    return dict(rows)
