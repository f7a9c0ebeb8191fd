"""An if/else picks the inner alias; both branches differ from the outer query's "replica"
(even "default", which holds the same rows: Django compares alias names)."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")

ARCHIVED = True


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    if ARCHIVED:
        alias = "other"
    else:
        alias = "default"
    people = Person.objects.using(alias)
    return Book.objects.filter(editor__in=people).count()  # expect: MDB201
