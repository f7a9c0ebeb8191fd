"""BookQuerySet.recent() starts again from Book.objects: called through db_manager("other") it
drops the archive and reads from the replica (the router's answer); its book is given an
archived editor."""
import datetime

from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archivist {i}")
        Book.objects.using("default").create(title=f"Book {i}", published=datetime.date(2024, 6, 1))
        Book.objects.using("other").create(title=f"Book {i}", published=datetime.date(2024, 6, 1))


def scenario():
    archivist = Person.objects.using("other").get(name="Archivist 0")
    book = Book.objects.db_manager("other").recent(datetime.date(2024, 1, 1)).get(title="Book 0")
    book.editor = archivist  # expect: MDB101
    book.save()
