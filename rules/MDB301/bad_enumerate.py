"""The loop iterates enumerate(queryset): still one publisher query per book."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    lines = []
    for number, book in enumerate(Book.objects.all(), 1):
        lines.append(f"{number}. {book.title} ({book.publisher.name})")  # expect: MDB301
    return lines
