"""The bookstore router allows relations between the primary and its replica: a book on
"default" may take a person read (routed) from "replica", in every form."""
from catalog.models import Book, Person, Publisher


def assign_editor(book, person):
    book.editor = person
    return book


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Publisher.objects.create(name=f"House {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    person = Person.objects.get(name="Staff 0")  # routed: read from "replica"
    book.editor = person
    setattr(book, "editor", Person.objects.using("replica").get(name="Staff 1"))
    assign_editor(book, person).save()
    publisher = Publisher.objects.using("default").get(name="House 0")
    new = Book(title="Fresh", published="2024-02-02", editor=person, publisher=publisher)
    new.save()
    return person._state.db, book.editor_id, new._state.db


def check(result):
    return result == ("replica", 1, "default")
