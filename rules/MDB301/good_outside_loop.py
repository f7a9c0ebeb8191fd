"""Relations read once, outside any loop, and loops that read only the row's own columns."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    first = Book.objects.order_by("title").first()
    publisher = first.publisher
    titles = [book.title for book in Book.objects.all()]
    for book in Book.objects.filter(publisher=publisher):
        titles.append(f"{book.title} ({publisher.name})")
    return titles
