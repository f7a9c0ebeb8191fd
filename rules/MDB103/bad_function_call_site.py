"""A project function points a review at an object; the call passes a review from the primary
and a book from the archive, so the call site is reported."""
from catalog.models import Book, Review
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def attach(review, target):
    review.content_object = target
    review.save()


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Monthly {i}", content_object=book)
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    review = Review.objects.using("default").get(source="Monthly 0")
    attach(review, Book.objects.using("other").get(title="Archived 0"))  # expect: MDB103
