"""iterator() without chunk_size after prefetch_related(Prefetch(...)), in a for statement:
Django 5.0+ raises ValueError."""
from django.db.models import Prefetch

from catalog.models import Person, Pet
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="chunk_size")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    names = []
    people = Person.objects.prefetch_related(Prefetch("pet_set", to_attr="pets"))
    for person in people.iterator():  # expect: MDB303
        names.append([pet.name for pet in person.pets])
    return names
