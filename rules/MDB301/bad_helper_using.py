"""A helper takes the alias as a parameter and returns Book.objects.using(using); the caller
passes a local variable and reads each book's editor: one query per row on "other"."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")


def setup(n):
    for i in range(n):
        editor = Person.objects.db_manager("other").create(name=f"Editor {i}")
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01", editor=editor)


def books_on(using):
    return Book.objects.using(using).order_by("title")


def scenario():
    archive = "other"
    return [book.editor.name for book in books_on(archive)]  # expect: MDB301
