"""The loop is in a function whose caller passes a queryset sliced to two rows: two saves, at any n."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def touch(books):
    for book in books:
        book.save()


def scenario():
    touch(Book.objects.order_by("pk")[:2])
    return Book.objects.count()
