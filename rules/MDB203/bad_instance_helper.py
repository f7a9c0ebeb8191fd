"""A helper returns a person read from "other"; the caller filters routed books by it."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: titles == ["Book 0"])


def archived_person(name):
    return Person.objects.using("other").get(name=name)


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    person = archived_person("Archived 0")
    return list(Book.objects.filter(editor=person).values_list("title", flat=True))  # expect: MDB203
