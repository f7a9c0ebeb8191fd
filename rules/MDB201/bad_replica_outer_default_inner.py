"""The outer query is routed (reads go to "replica"); the inner one is pinned to "default".
The two hold the same rows, but Django compares the aliases, not the data, and refuses."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    editors = Person.objects.using("default").filter(name__startswith="Editor")
    return list(Book.objects.filter(editor__in=editors).values_list("title", flat=True))  # expect: MDB201
