"""The replica holds the primary's rows: a book written on "default" may take an editor read
(routed) from "replica", with create() routed or bound."""
from catalog.models import Book, Person, Pet


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")


def scenario():
    editor = Person.objects.get(name="Staff 1")  # routed: read from "replica"
    book = Book.objects.create(title="Fresh", published="2024-01-01", editor=editor)
    pet = Pet.objects.using("default").create(name="Fido", owner=Person.objects.using("replica").get(name="Staff 2"))
    return editor._state.db, book.editor.name, pet.owner.name


def check(result):
    return result == ("replica", "Staff 1", "Staff 2")
