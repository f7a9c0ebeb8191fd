"""The queryset is built in steps in a local variable; none of them joins the publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    books = Book.objects.filter(published__year=2024)
    books = books.order_by("-title")
    names = []
    for book in books:
        names.append(book.publisher.name)  # expect: MDB301
    return names
