"""filter()/exclude()/order_by() in the loop only build querysets; one query runs after it."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    books = Book.objects.none()
    for publisher in Publisher.objects.all():
        books = books | Book.objects.filter(publisher=publisher).exclude(title="").order_by("title")
    return sorted(books.values_list("title", flat=True))


def check(result):
    return len(result) in (3, 6)
