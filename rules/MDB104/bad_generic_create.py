"""create() on the primary given a GenericForeignKey value from the archive: the constructor
binds the review to "other" (through the content type), create() writes it on "default", and
its object_id names a primary book with the archive book's key."""
from catalog.models import Book, Review
from mdblint.runtime.oracles import wrong_result

# (title of the reviewed book as the primary sees it, title of the intended book)
ORACLE = wrong_result(lambda r: r[0] != r[1])


def setup(n):
    for alias, prefix in (("default", "Book"), ("other", "Archived")):
        for i in range(n):
            book = Book.objects.using(alias).create(title=f"{prefix} {i}", published="2009-05-04")
        Review.objects.using(alias).create(source="seed", content_object=book)


def scenario():
    dive = Book.objects.using("other").get(title="Archived 1")
    review = Review.objects.using("default").create(source="Weekly", content_object=dive)  # expect: MDB104
    return Review.objects.using("default").get(pk=review.pk).content_object.title, dive.title
