"""A loop over querysets bound to "other", each wrapped in Exists(): every one runs on "replica"."""
from django.db.models import Exists, OuterRef

from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

# Only "Editor 0" is archived: [1, 0] expected.
ORACLE = wrong_result(lambda counts: counts != [1, 0])


def setup(n):
    Person.objects.using("other").create(name="Editor 0")
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    counts = []
    archive = Person.objects.using("other").filter(name=OuterRef("editor__name"))
    for people in (archive.filter(name__endswith="0"), archive.exclude(name__endswith="0")):
        counts.append(Book.objects.filter(Exists(people)).count())  # expect: MDB202
    return counts
