"""Prefetch(..., to_attr="pets"): the loop reads the list person.pets directly (len, iteration,
slicing), never the manager."""
from django.db.models import Prefetch

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    people = Person.objects.prefetch_related(Prefetch("pet_set", to_attr="pets"))
    return [(len(person.pets), [pet.name for pet in person.pets], person.pets[:1]) for person in people]


def check(result):
    return all(size == 2 for size, _, _ in result)
