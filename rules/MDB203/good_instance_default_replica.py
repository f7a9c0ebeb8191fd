"""A person read from "default" compared in a routed query (on "replica"): different aliases,
same rows (the replica mirrors the primary, and the router allows relations between them)."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    editor = Person.objects.using("default").get(name="Editor 1")
    routed = Person.objects.get(name="Editor 2")
    return (list(Book.objects.filter(editor=editor).values_list("title", flat=True)),
            list(Book.objects.using("default").filter(editor=routed).values_list("title", flat=True)))


def check(titles):
    return titles == (["Book 1"], ["Book 2"])
