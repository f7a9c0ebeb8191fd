"""book.editor of a book read from "other" is on "other", and so is the query comparing it."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        archived = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=archived)


def scenario():
    book = Book.objects.using("other").get(title="Archived book 0")
    return list(Book.objects.using("other").filter(editor=book.editor).values_list("title", flat=True))


def check(titles):
    return titles == ["Archived book 0"]
