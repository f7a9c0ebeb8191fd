"""bulk_create() on "other" given books whose editor was read from the primary: the rows on
"other" point at an archive person with the primary person's key."""
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
    Book.objects.using("other").bulk_create(
        [Book(title="Dive", published="2009-05-04", editor=editor)],  # expect: MDB104
    )
    return Book.objects.using("other").get(title="Dive").editor.name, editor.name
