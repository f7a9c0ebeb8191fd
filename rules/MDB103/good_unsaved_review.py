"""An unsaved review has no database: pointing it at a book from the archive binds it to the
archive (through the content type), and save() writes it there. The constructor does the same."""
from catalog.models import Book, Review


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    dive = Book.objects.using("other").get(title="Archived 0")
    daily = Review(source="Python Daily")
    daily.content_object = dive
    daily.save()
    weekly = Review(source="Python Weekly", content_object=dive)
    weekly.save()
    return daily._state.db, weekly._state.db, sorted(dive.reviews.values_list("source", flat=True))


def check(result):
    return result == ("other", "other", ["Python Daily", "Python Weekly"])
