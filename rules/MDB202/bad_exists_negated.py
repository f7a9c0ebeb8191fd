"""filter(~Exists(...)) over a queryset bound to "other": the NOT EXISTS runs on "replica"."""
from django.db.models import Exists, OuterRef

from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

# Only "Editor 0" is archived, so every other book should be kept; none is.
ORACLE = wrong_result(lambda count: count == 0)


def setup(n):
    Person.objects.using("other").create(name="Editor 0")
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    archived = Person.objects.using("other").filter(name=OuterRef("editor__name"))
    return Book.objects.filter(~Exists(archived)).count()  # expect: MDB202
