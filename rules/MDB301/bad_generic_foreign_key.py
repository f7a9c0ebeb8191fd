"""A GenericForeignKey (review.content_object) read per row: one query per review."""
from catalog.models import Book, Review

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Source {i}", content_object=book)


# fix: prefetch_related("content_object")
def scenario():
    return [review.content_object.title for review in Review.objects.all()]  # expect: MDB301
