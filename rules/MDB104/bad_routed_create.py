"""The bookstore router binds a new book to its first relation value's database (the editor
from "other", through the instance hint), but Book.objects.create() saves on the queryset's
write database, "default": the row on the primary points at a primary person with the archive
person's key."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import wrong_result

# (database the book was saved on, its editor's name there, name of the intended editor)
ORACLE = wrong_result(lambda r: r[1] != r[2])


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")


def scenario():
    archivist = Person.objects.using("other").get(name="Archivist 1")
    book = Book.objects.create(title="Dive", published="2009-05-04", editor=archivist)  # expect: MDB104
    return book._state.db, Book.objects.using("default").get(pk=book.pk).editor.name, archivist.name
