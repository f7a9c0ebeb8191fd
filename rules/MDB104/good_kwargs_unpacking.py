"""create(**data) on "other" where data holds a Person fetched from "other" (a dict display and
a dict(...) call with literal keywords): the rows point at the archive's own editor."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")


def scenario():
    editor = Person.objects.using("other").get(name="Archivist 1")
    data = {"title": "Dive", "published": "2009-05-04", "editor": editor}
    first = Book.objects.using("other").create(**data)
    fields = dict(title="Pilgrim", published="2009-05-04", editor=editor)
    second = Book.objects.using("other").create(**fields)
    return tuple(Book.objects.using("other").get(pk=b.pk).editor.name for b in (first, second))


def check(result):
    return result == ("Archivist 1", "Archivist 1")
