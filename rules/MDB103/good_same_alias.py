"""Review and book from the same database: the GenericForeignKey and the GenericRelation
manager (bulk and not) accept them. The archive queryset comes from a helper."""
from django.db import transaction

from catalog.models import Book, Review

ARCHIVE = "other"


def archived_books():
    return Book.objects.using(ARCHIVE)


def setup(n):
    for alias in ("default", ARCHIVE):
        for i in range(n):
            book = Book.objects.using(alias).create(title=f"Book {i}", published="2009-05-04")
            Review.objects.using(alias).create(source=f"Monthly {i}", content_object=book)


def scenario():
    dive = archived_books().get(title="Book 0")
    review = Review.objects.using(ARCHIVE).get(source="Monthly 1")
    review.content_object = dive
    review.save()
    with transaction.atomic(using=ARCHIVE):
        dive.reviews.add(Review.objects.using(ARCHIVE).get(source="Monthly 2"))
        dive.reviews.add(Review.objects.using("other").get(source="Monthly 0"), bulk=False)
    pro = Book.objects.using("default").get(title="Book 1")
    pro.reviews.add(Review.objects.using("default").get(source="Monthly 0"))
    return sorted(dive.reviews.values_list("source", flat=True)), sorted(pro.reviews.values_list("source", flat=True))


def check(result):
    return result == (["Monthly 0", "Monthly 1", "Monthly 2"], ["Monthly 0", "Monthly 1"])
