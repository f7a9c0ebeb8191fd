"""Prefetch("pet_set", queryset=<filtered>) without to_attr: the manager's .all() and .count()
serve the filtered rows from the cache."""
from django.db.models import Prefetch

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    b_pets = Prefetch("pet_set", queryset=Pet.objects.filter(name__endswith="b"))
    rows = []
    for person in Person.objects.prefetch_related(b_pets):
        rows.append(([pet.name for pet in person.pet_set.all()], person.pet_set.count()))
    return rows


def check(result):
    return all(count == 1 and names[0].endswith("b") for names, count in result)
