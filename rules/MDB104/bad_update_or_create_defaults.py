"""update_or_create() on "other" whose defaults hold an editor read from the primary, when no
row matches: the row it creates on "other" points at an archive person with the primary
person's key. (When a row matches, the update assigns the editor to the fetched archive book and
Django raises ValueError instead.)"""
from catalog.models import Book, Person
from mdblint.runtime.oracles import wrong_result

# (name of the editor as the archive sees it, name of the intended editor)
ORACLE = wrong_result(lambda r: r[0] != r[1])


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")


def scenario():
    editor = Person.objects.using("default").get(name="Staff 2")
    book, created = Book.objects.using("other").update_or_create(
        title="Dive",
        defaults={"published": "2009-05-04", "editor": editor},  # expect: MDB104
    )
    return Book.objects.using("other").get(pk=book.pk).editor.name, editor.name
