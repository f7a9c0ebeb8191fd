"""The helpers parameterised by a model on both sides: archived(Book) and archived(Person) are
both on the archive, and on(model, alias) gives each the alias it is called with; a model
parameter given something mdblint cannot read stays unknown."""
from catalog.models import Book, Person

ARCHIVE = "other"


def archived(model):
    return model.objects.using(ARCHIVE)


def on(model, alias):
    return model.objects.using(alias)


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archivist {i}")
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")
        Person.objects.create(name=f"Staff {i}")
        Book.objects.create(title=f"Current {i}", published="2019-05-04")


def scenario():
    book = archived(Book).get(title="Archived 0")
    book.editor = archived(Person).get(name="Archivist 0")
    book.save()
    current = on(Book, "default").get(title="Current 1")
    current.editor = on(Person, "default").get(name="Staff 1")
    current.save()
    model = type(book.editor)
    other = on(Book, "other").get(title="Archived 1")
    other.editor = archived(model).get(name="Archivist 1")
    other.save()
    return sorted(Book.objects.using("other").exclude(editor=None).values_list("editor__name", flat=True)) + \
        sorted(Book.objects.exclude(editor=None).values_list("editor__name", flat=True))


def check(names):
    return names == ["Archivist 0", "Archivist 1", "Staff 1"]
