"""Every way of evaluating a prefetched manager that Django serves from the prefetch cache,
identically under Django 5.2 and 6.1: iteration, list(), len(), bool(), count(), exists(),
slicing, indexing, `in`, contains() and first() on an ordered model (Pet has Meta.ordering)."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    favourite = Pet.objects.order_by("name").first()
    rows = []
    for person in Person.objects.prefetch_related("pet_set"):
        pets = person.pet_set
        rows.append((
            [pet.name for pet in pets.all()],
            len(list(pets.all())),
            len(pets.all()),
            bool(pets.all()),
            pets.count(),
            pets.exists(),
            [pet.name for pet in pets.all()[:1]],
            pets.all()[0].name,
            favourite in pets.all(),
            pets.contains(favourite),
            pets.first().name,
        ))
    return rows
