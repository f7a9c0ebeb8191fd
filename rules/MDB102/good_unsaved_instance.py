"""An unsaved book given to a reverse foreign key manager with bulk=False: the relation assignment
binds it to the editor's database (`db_for_write(instance=editor)`, "other") and it is saved there."""
from catalog.models import Book, Person


def setup(n):
    Person.objects.using("other").create(name="Mark Pilgrim")


def scenario():
    mark = Person.objects.archived().get(name="Mark Pilgrim")
    draft = Book(title="Dive into Python", published="2009-05-04")
    mark.edited.add(draft, bulk=False)
    return draft._state.db, Book.objects.using("other").filter(editor=mark).count()


def check(result):
    return result == ("other", 1)
