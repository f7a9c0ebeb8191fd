"""The queryset is built in steps in a local variable; one of them joins the publisher."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    books = Book.objects.filter(published__year=2024)
    books = books.select_related("publisher").order_by("-title")
    names = []
    for book in books:
        names.append(book.publisher.name)
    return names
