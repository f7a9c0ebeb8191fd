"""A helper takes the alias as a parameter and returns a queryset bound to it that joins the
editor."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.db_manager("other").create(name=f"Editor {i}")
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01", editor=editor)


def books_on(using):
    return Book.objects.using(using).select_related("editor")


def scenario():
    archive = "other"
    return [book.editor.name for book in books_on(archive)]
