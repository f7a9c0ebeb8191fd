"""The look-alike of good_identity_break.py with `!=`: model instances compare by primary key,
so when every book has the same publisher the loop never leaves, and each book loads that
publisher again: one query per book."""
from catalog.models import Book, Publisher
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    publisher = Publisher.objects.create(name="Penguin")
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    shared = None
    for book in Book.objects.all():
        publisher = book.publisher  # expect: MDB301
        if shared is None:
            shared = publisher
        elif publisher != shared:
            shared = None
            break
    return shared
