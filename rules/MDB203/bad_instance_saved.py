"""A person saved with save(using="other") is compared in a routed Book query."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda count: count == 1)


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    person = Person(name="Archived")
    person.save(using="other")
    return Book.objects.filter(editor=person).count()  # expect: MDB203
