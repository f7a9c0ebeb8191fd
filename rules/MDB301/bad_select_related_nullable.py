"""select_related() without arguments follows only non-null foreign keys; Book.publisher is
nullable, so it is not joined and every book queries its publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    names = []
    for book in Book.objects.select_related():
        names.append(book.publisher.name)  # expect: MDB301
    return names
