"""The first comprehension (a list, inside all()) reads review.content_object on every row, in the
left operand of `and`, which always runs; the second comprehension over the same evaluated
queryset reads the cached objects (no query): only the first is reported."""
from catalog.models import Book, Review
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Source {i}", content_object=book)


def scenario():
    reviews = Review.objects.all()
    if not reviews.exists():
        return []
    if all([review.content_object and review.source for review in reviews]):  # expect: MDB301
        return [review.content_object.title for review in reviews]
    return []
