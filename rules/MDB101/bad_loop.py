"""A loop over an archive queryset gives every book an editor from the primary: the first
assignment raises."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    Person.objects.create(name="Chief editor")
    for i in range(n):
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    chief = Person.objects.using("default").get(name="Chief editor")
    for book in Book.objects.using("other").filter(editor__isnull=True):
        book.editor = chief  # expect: MDB101
        book.save()
