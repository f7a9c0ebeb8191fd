"""A helper whose parameter is annotated collections.abc.Iterable[Person] creates a pet per person."""
from collections.abc import Iterable

from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Owner {i}")


def adopt(people: Iterable[Person]) -> None:
    for person in people:
        Pet.objects.create(name=f"{person.name}'s dog", owner=person)  # expect: MDB305


def scenario():
    adopt(Person.objects.all())
    return Pet.objects.count()
