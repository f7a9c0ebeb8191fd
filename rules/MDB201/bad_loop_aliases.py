"""A loop over alias names: every one of them differs from the outer query's "default"."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    found = 0
    for alias in ("other", "replica"):
        people = Person.objects.using(alias).filter(name__startswith="Archived")
        found += Book.objects.using("default").filter(editor__in=people).count()  # expect: MDB201
    return found
