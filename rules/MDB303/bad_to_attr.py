"""Prefetch(..., to_attr="pets") stores the prefetched rows on person.pets, not in the
manager's cache: person.pet_set.all() still queries once per row."""
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
    names = []
    for person in Person.objects.prefetch_related(Prefetch("pet_set", to_attr="pets")):
        names.append([pet.name for pet in person.pet_set.all()])  # expect: MDB303
    return names
