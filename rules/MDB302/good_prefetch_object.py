"""Prefetch("pet_set", queryset=...) fills the manager's cache with the filtered rows."""
from django.db.models import Prefetch

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    pets = Prefetch("pet_set", queryset=Pet.objects.filter(name__endswith="b"))
    return [[pet.name for pet in person.pet_set.all()] for person in Person.objects.prefetch_related(pets)]
