"""The router allows primary/replica relations, but a bulk add() updates the reviews on the
manager's write database ("default") and requires each review to be saved there: a review
read (routed) from "replica" is refused."""
from catalog.models import Book, Review
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="instance isn't saved")


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Monthly {i}", content_object=book)


def scenario():
    review = Review.objects.get(source="Monthly 2")  # routed: read from "replica"
    book = Book.objects.using("default").get(title="Book 0")
    book.reviews.add(review)  # expect: MDB103
