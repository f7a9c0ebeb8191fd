"""A GenericRelation manager (book.reviews) iterated per book."""
from catalog.models import Book, Review

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Source {i}", content_object=book)


# fix: prefetch_related("reviews")
def scenario():
    sources = []
    for book in Book.objects.all():
        sources.extend(review.source for review in book.reviews.all())  # expect: MDB302
    return sources
