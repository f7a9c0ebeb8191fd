"""A set comprehension over a filtered queryset reading a forward ForeignKey (the editor)."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


# fix: select_related("editor")
def scenario():
    return {book.editor.name for book in Book.objects.filter(title__startswith="Book")}  # expect: MDB301
