"""A model constructor given relation values from two databases: the first relation field in
field order (editor) binds the new book to the primary, then publisher from the archive raises."""
from catalog.models import Book, Person, Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Publisher.objects.using("other").create(name=f"Old house {i}")


def scenario():
    primary, archive = "default", "other"
    editor = Person.objects.using(primary).get(name="Staff 0")
    publisher = Publisher.objects.using(archive).get(name="Old house 0")
    book = Book(
        title="Dive",
        published="2009-05-04",
        publisher=publisher,  # expect: MDB101
        editor=editor,
    )
    book.save()
