"""iterator() on a queryset variable: the rows come one chunk at a time, each book still queries
its publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    books = Book.objects.filter(title__startswith="Book")
    return [book.publisher.name for book in books.iterator()]  # expect: MDB301
