"""An if/else picks the inner alias; one branch ("replica") matches the routed outer query,
and that is the branch taken here, so Django accepts it (mdblint only reports when every
possibility conflicts)."""
from catalog.models import Book, Person

ARCHIVED = False


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    if ARCHIVED:
        alias = "other"
    else:
        alias = "replica"
    people = Person.objects.using(alias).filter(name__startswith="Editor")
    return Book.objects.filter(editor__in=people).count()


def check(count):
    return count in (3, 6)
