"""The prefetched rows filtered in Python, and the prefetched manager's .all(): no query per row."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    names = []
    for person in Person.objects.prefetch_related("pet_set"):
        names.append([pet.name for pet in person.pet_set.all() if pet.name.endswith("b")])
    return names
