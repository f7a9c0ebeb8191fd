"""The branch reads the editor from the primary or its replica; either way the book is written
on the archive, so both possibilities point at another database."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import wrong_result

# (name of the editor as the archive sees it, name of the intended editor)
ORACLE = wrong_result(lambda r: r[0] != r[1])


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")


def archive_book(title, fresh):
    if fresh:
        alias = "default"
    else:
        alias = "replica"
    editor = Person.objects.using(alias).get(name="Staff 0")
    book = Book.objects.using("other").create(title=title, published="2009-05-04", editor=editor)  # expect: MDB104
    return Book.objects.using("other").get(pk=book.pk).editor.name, editor.name


def scenario():
    return archive_book("Dive", fresh=False)
