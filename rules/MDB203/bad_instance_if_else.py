"""The outer query is pinned to "other"; an if/else reads the person from "default" or
"replica". Either way its pk is looked up among the archive's books."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

FRESH = False

# "Reader" edits nothing, anywhere; the archive's Book 0 has editor pk 1 too.
ORACLE = wrong_result(lambda titles: titles == ["Archived book 0"])


def setup(n):
    Person.objects.create(name="Reader")
    for i in range(n):
        editor = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=editor)


def scenario():
    if FRESH:
        reader = Person.objects.using("default").get(name="Reader")
    else:
        reader = Person.objects.using("replica").get(name="Reader")
    return list(Book.objects.using("other").filter(editor=reader).values_list("title", flat=True))  # expect: MDB203
