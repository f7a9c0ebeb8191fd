"""select_related() of another relation (the editor) does not cover the publisher."""
from catalog.models import Book, Person, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor, publisher=publisher)


# fix: select_related("editor", "publisher")
def scenario():
    rows = []
    for book in Book.objects.select_related("editor"):
        rows.append((book.editor.name, book.publisher.name))  # expect: MDB301
    return rows
