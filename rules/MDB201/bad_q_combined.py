"""The `__in` lookup sits inside Q objects combined with `|`."""
from django.db.models import Q

from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    archived = Person.objects.using("other").filter(name__startswith="Archived")
    return Book.objects.filter(Q(editor__in=archived) | Q(title="")).count()  # expect: MDB201
