"""An `__in` lookup over a queryset bound to "other" inside a routed Book query (on "replica")."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    archived = Person.objects.using("other").filter(name__startswith="Archived")
    return list(Book.objects.filter(editor__in=archived))  # expect: MDB201
