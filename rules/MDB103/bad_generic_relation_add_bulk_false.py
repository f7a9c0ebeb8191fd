"""bulk=False saves each review instead of one UPDATE, but it still assigns the archive's
content type to a review on the primary, and the router refuses that. The archive alias is a
module constant."""
from catalog.models import Book, Review
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Monthly {i}", content_object=book)
        Book.objects.using(ARCHIVE).create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    review = Review.objects.using("default").get(source="Monthly 1")
    dive = Book.objects.using(ARCHIVE).get(title="Archived 1")
    dive.reviews.add(review, bulk=False)  # expect: MDB103
