"""prefetch_related("reviews") covers a GenericRelation."""
from catalog.models import Book, Review


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Source {i}", content_object=book)


def scenario():
    sources = []
    for book in Book.objects.prefetch_related("reviews"):
        sources.extend(review.source for review in book.reviews.all())
    return sources
