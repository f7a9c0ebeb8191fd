"""prefetch_related(None) clears the earlier prefetch: the loop queries every publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    books = Book.objects.prefetch_related("publisher")
    names = []
    for book in books.prefetch_related(None):
        names.append(book.publisher.name)  # expect: MDB301
    return names
