"""select_related("editor").only("title", "editor__name") loads the editor's name: reading it per row is free."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    books = Book.objects.select_related("editor").only("title", "editor__name")
    return [f"{book.title} ({book.editor.name})" for book in books]
