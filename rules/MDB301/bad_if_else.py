"""An if/else picks the queryset; neither branch joins the publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario(newest_first=False):
    if newest_first:
        books = Book.objects.order_by("-published")
    else:
        books = Book.objects.filter(published__year=2024)
    names = []
    for book in books:
        names.append(book.publisher.name)  # expect: MDB301
    return names
