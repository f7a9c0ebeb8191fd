"""GenericRelation manager: a book from the archive given a review saved on the primary."""
from django.db import transaction

from catalog.models import Book, Review
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="instance isn't saved")


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Monthly {i}", content_object=book)
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    review = Review.objects.using("default").get(source="Monthly 1")
    dive = Book.objects.using("other").get(title="Archived 1")
    with transaction.atomic(using="other"):
        dive.reviews.add(review)  # expect: MDB103
