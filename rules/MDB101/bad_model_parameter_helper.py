"""A helper parameterised by a model, `archived(model)`, returns that model's queryset on the
archive; called as archived(Book), a book from it is given an editor read from the primary."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")

ARCHIVE = "other"


def archived(model):
    return model.objects.using(ARCHIVE)


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")


def scenario():
    book = archived(Book).get(title="Archived 2")
    book.editor = Person.objects.using("default").get(name="Staff 2")  # expect: MDB101
    book.save()
