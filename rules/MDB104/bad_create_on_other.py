"""create() on "other" given a Person fetched from "default": Django raises nothing and writes a
row on "other" whose editor_id is the default Person's primary key."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import wrong_result

# (editor_id, name of the Person with that pk on "other" or None, name of the intended editor)
ORACLE = wrong_result(lambda r: r[1] != r[2])


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")


def scenario():
    editor = Person.objects.using("default").get(name="Staff 1")
    book = Book.objects.using("other").create(title="Dive", published="2009-05-04", editor=editor)  # expect: MDB104
    on_other = Person.objects.using("other").filter(pk=book.editor_id).values_list("name", flat=True).first()
    return book.editor_id, on_other, editor.name
