"""A loop over the archive's people, each compared in a routed Book query."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

# No archived person edits a primary book; each one "edits" the book of the same pk.
ORACLE = wrong_result(lambda counts: set(counts.values()) == {1})


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    counts = {}
    for person in Person.objects.using("other").all():
        counts[person.name] = Book.objects.filter(editor=person).count()  # expect: MDB203
    return counts
