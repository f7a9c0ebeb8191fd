"""A loop over the primary's reviews points each at a book from the archive, chosen through
settings.ARCHIVE_DB: the first assignment raises."""
from django.conf import settings

from catalog.models import Book, Review
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Review.objects.create(source=f"Monthly {i}", content_object=book)
    Book.objects.using(settings.ARCHIVE_DB).create(title="Dive", published="2009-05-04")


def scenario():
    dive = Book.objects.using(settings.ARCHIVE_DB).get(title="Dive")
    for review in Review.objects.using(settings.PRIMARY_DB).all():
        review.content_object = dive  # expect: MDB103
        review.save()
