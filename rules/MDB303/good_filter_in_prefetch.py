"""The condition moved into the Prefetch: one query for the people, one for their pets."""
from django.db.models import Prefetch

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    pets = Prefetch("pet_set", queryset=Pet.objects.filter(name__endswith="b"), to_attr="b_pets")
    return [[pet.name for pet in person.b_pets] for person in Person.objects.prefetch_related(pets)]
