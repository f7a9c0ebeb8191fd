"""A helper takes the alias as a parameter; called with "other", its person is compared in a
routed query."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: titles == ["Book 0"])


def person_on(using, name):
    return Person.objects.using(using).get(name=name)


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    person = person_on("other", "Archived 0")
    return list(Book.objects.filter(editor=person).values_list("title", flat=True))  # expect: MDB203
