"""The router allows primary/replica relations: a review on "default" may point at a book read
(routed) from "replica", and add(..., bulk=False) saves a replica-read review through the
primary."""
from catalog.models import Book, Review


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Monthly {i}", content_object=book)


def scenario():
    review = Review.objects.using("default").get(source="Monthly 0")
    review.content_object = Book.objects.get(title="Book 2")  # routed: read from "replica"
    review.save()
    book = Book.objects.using("default").get(title="Book 1")
    book.reviews.add(Review.objects.get(source="Monthly 2"), bulk=False)
    return sorted(Review.objects.using("default").values_list("source", "object_id"))[:3]


def check(rows):
    return rows == [("Monthly 0", 3), ("Monthly 1", 2), ("Monthly 2", 2)]
