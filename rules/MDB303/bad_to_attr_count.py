"""Prefetch(..., to_attr="pets") leaves the manager uncached: person.pet_set.count() queries once
per person (len(person.pets) would not)."""
from django.db.models import Prefetch

from catalog.models import Person, Pet
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    people = Person.objects.prefetch_related(Prefetch("pet_set", to_attr="pets"))
    return {person.name: person.pet_set.count() for person in people}  # expect: MDB303
