"""Both objects read through the router (both on "replica"): the reverse foreign key manager still
writes on db_for_write ("default"), so bulk add() refuses the replica's book."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match=r"instance isn't saved\. Use bulk=False or save the object first")


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.create(name="Marty Alchin")


def scenario():
    marty = Person.objects.get(name="Marty Alchin")
    book = Book.objects.filter(title="Book 0").first()
    marty.edited.add(book)  # expect: MDB102
