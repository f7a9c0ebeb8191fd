"""An if/else picks the inner alias: "other" (the outer query's own) or "default"; the branch
taken is "other". mdblint reports only when every possibility conflicts."""
from django.db.models import Subquery

from catalog.models import Book, Person

ARCHIVED = True


def setup(n):
    for i in range(n):
        editor = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    if ARCHIVED:
        alias = "other"
    else:
        alias = "default"
    names = Person.objects.using(alias).values("name")
    return Book.objects.using("other").filter(editor__name__in=Subquery(names)).count()


def check(count):
    return count in (3, 6)
