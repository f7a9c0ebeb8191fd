"""An unsaved book is bound to the primary by its editor, then save(using="other") writes it
on the archive: the row points at an archive person with the primary person's key."""
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
    book = Book(title="Dive", published="2009-05-04", editor=editor)
    book.save(using="other")  # expect: MDB104
    return Book.objects.using("other").get(pk=book.pk).editor.name, editor.name
