"""A review on the primary pointed (GenericForeignKey) at a book from the archive: the content
type comes from the archive's ContentType table and the router refuses it."""
from catalog.models import Book, Review
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Monthly {i}", content_object=book)
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    review = Review.objects.using("default").get(source="Monthly 0")
    dive = Book.objects.using("other").get(title="Archived 0")
    review.content_object = dive  # expect: MDB103
    review.save()
