"""A loop over querysets bound to "other"; each is used as an `__in` subquery of a routed query."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    counts = []
    archive = Person.objects.using("other")
    for people in (archive.filter(name__endswith="0"), archive.exclude(name__endswith="0")):
        counts.append(Book.objects.filter(editor__in=people).count())  # expect: MDB201
    return counts
