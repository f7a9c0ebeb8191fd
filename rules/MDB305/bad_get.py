"""Person.objects.get() on every book: one editor query per row."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    lines = []
    for book in Book.objects.all():
        editor = Person.objects.get(pk=book.editor_id)  # expect: MDB305
        lines.append(f"{book.title} (ed. {editor.name})")
    return lines
