"""prefetch_related("pet_set"): one more query fetches every person's pets."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    names = []
    for person in Person.objects.prefetch_related("pet_set"):
        for pet in person.pet_set.all():
            names.append((person.name, pet.name))
    return names
