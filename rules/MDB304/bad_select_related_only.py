"""select_related("editor").only("title", "editor__name") loads only the editor's name:
reading the editor's created timestamp runs one query per row."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    books = Book.objects.select_related("editor").only("title", "editor__name")
    stamps = []
    for book in books:
        stamps.append((book.editor.name, book.editor.created))  # expect: MDB304
    return stamps
