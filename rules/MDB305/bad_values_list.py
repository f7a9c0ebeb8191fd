"""A loop over values_list("pk", flat=True) still runs a latest() query per primary key."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        Book.objects.create(title=f"Book {i}b", published="2024-06-01", editor=editor)


def scenario():
    newest = {}
    for editor_id in Person.objects.values_list("pk", flat=True):
        newest[editor_id] = Book.objects.filter(editor_id=editor_id).latest("published").title  # expect: MDB305
    return newest
