"""prefetch_related("content_object") fetches the reviewed books in one query per content type."""
from catalog.models import Book, Review


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Source {i}", content_object=book)


def scenario():
    return [review.content_object.title for review in Review.objects.prefetch_related("content_object")]
