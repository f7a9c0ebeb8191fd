"""save(using=...) with a misspelt alias."""
from catalog.models import Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="defualt")


def scenario():
    person = Person(name="Grace")
    person.save(using="defualt")  # expect: MDB501
    return person.pk
