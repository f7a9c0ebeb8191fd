"""create(**data) on "other" where data holds a Person fetched from "default": a dict display
and a dict(...) call with literal keywords give their items as keywords, so the relation value
reaches create() only through the unpacking. Django writes rows on "other" whose editor_id is
the default Person's primary key."""
from catalog.models import Book, Person
from mdblint.runtime.oracles import wrong_result

# ((name of the Person with each book's editor_id on "other"), name of the intended editor)
ORACLE = wrong_result(lambda r: any(name != r[1] for name in r[0]))


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")


def scenario():
    editor = Person.objects.using("default").get(name="Staff 1")
    data = {"title": "Dive", "published": "2009-05-04", "editor": editor}
    first = Book.objects.using("other").create(**data)  # expect: MDB104
    fields = dict(title="Pilgrim", published="2009-05-04", editor=editor)
    second = Book.objects.using("other").create(**fields)  # expect: MDB104
    names = tuple(Person.objects.using("other").filter(pk=b.editor_id).values_list("name", flat=True).first()
                  for b in (first, second))
    return names, editor.name
