"""The get() runs in a branch that returns: at most one query, whatever the number of rows."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    for book in Book.objects.all():
        if book.title == "Book 1":
            return Person.objects.get(pk=book.editor_id).name
    return None


def check(result):
    return result == "Editor 1"
