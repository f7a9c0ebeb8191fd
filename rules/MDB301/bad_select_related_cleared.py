"""select_related(None) clears the earlier select_related("publisher")."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    books = Book.objects.select_related("publisher").order_by("title")
    names = []
    for book in books.select_related(None):
        names.append(book.publisher.name)  # expect: MDB301
    return names
