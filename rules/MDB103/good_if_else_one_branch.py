"""The branch picks the review's alias: on "other" the archive book fits, on "default" it would
not. One possibility is fine, so mdblint does not report it; this run takes the archive branch."""
from catalog.models import Book, Review


def setup(n):
    for alias in ("default", "other"):
        for i in range(n):
            book = Book.objects.using(alias).create(title=f"Book {i}", published="2009-05-04")
            Review.objects.using(alias).create(source=f"Monthly {i}", content_object=book)


def point_review(archived):
    if archived:
        alias = "other"
    else:
        alias = "default"
    review = Review.objects.using(alias).get(source="Monthly 0")
    review.content_object = Book.objects.using("other").get(title="Book 1")
    review.save()
    return review._state.db, review.object_id


def scenario():
    return point_review(archived=True)


def check(result):
    return result == ("other", 2)
