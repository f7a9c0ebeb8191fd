"""The outer query is pinned to "other"; an if/else picks "default" or "replica" for the
inner one. Either way Subquery() runs on "other" instead."""
from django.db.models import Subquery

from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

FROM_REPLICA = True

# Only "Archived 0" also exists on the primary, so one archived book should match; the
# subquery reads the archive's own people instead and every archived book matches.
ORACLE = wrong_result(lambda count: count != 1)


def setup(n):
    for i in range(n):
        editor = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01", editor=editor)
    Person.objects.create(name="Archived 0")


def scenario():
    if FROM_REPLICA:
        alias = "replica"
    else:
        alias = "default"
    current = Person.objects.using(alias).values("name")
    return Book.objects.using("other").filter(editor__name__in=Subquery(current)).count()  # expect: MDB202
