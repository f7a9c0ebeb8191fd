"""Counting with annotate(Count(...)) in the loop's own query instead of a count() per row."""
from django.db.models import Count

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    return {person.name: person.pet_count for person in Person.objects.annotate(pet_count=Count("pet"))}


def check(counts):
    return set(counts.values()) == {2}
