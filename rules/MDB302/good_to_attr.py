"""Prefetch(..., to_attr="pets"): the loop reads the list stored on person.pets."""
from django.db.models import Prefetch

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    names = []
    for person in Person.objects.prefetch_related(Prefetch("pet_set", to_attr="pets")):
        names.append([pet.name for pet in person.pets])
    return names
