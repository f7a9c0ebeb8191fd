"""get_or_create() on "other" whose defaults hold an editor read from the primary: when it
creates, the row on "other" points at an archive person with the primary person's key."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import wrong_result

# (name of the editor as the archive sees it, name of the intended editor)
ORACLE = wrong_result(lambda r: r[0] != r[1])


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")


def scenario():
    editor = Person.objects.using("default").get(name="Staff 1")
    book, created = Book.objects.using("other").get_or_create(
        title="Dive",
        defaults={"published": "2009-05-04", "editor": editor},  # expect: MDB104
    )
    return Book.objects.using("other").get(pk=book.pk).editor.name, editor.name
