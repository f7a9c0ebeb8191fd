"""The fix for a routed create(): build the instance, let its relation value bind it to the
archive, and save() without using=. The row lands on "other", next to its editor."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")


def scenario():
    archivist = Person.objects.using("other").get(name="Archivist 1")
    book = Book(title="Dive", published="2009-05-04", editor=archivist)
    book.save()
    return book._state.db, Book.objects.using("other").get(pk=book.pk).editor.name


def check(result):
    return result == ("other", "Archivist 1")
