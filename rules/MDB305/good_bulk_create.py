"""Unsaved Pet instances built in the loop, saved with one bulk_create() after it."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Owner {i}")


def scenario():
    pets = []
    for person in Person.objects.all():
        pets.append(Pet(name=f"{person.name}'s cat", owner=person))
    Pet.objects.bulk_create(pets)
    return len(pets)


def check(result):
    return result in (3, 6)
