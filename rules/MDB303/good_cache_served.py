"""Calls a prefetched manager answers from its cache: all(), iteration, len(), bool(), count(),
exists() (also after all()), `in`, slicing and indexing; flat under Django 5.2 and 6.1."""
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
        rows.append((
            [pet.name for pet in person.pet_set.all()],
            len(person.pet_set.all()),
            bool(person.pet_set.all()),
            person.pet_set.count(),
            person.pet_set.exists(),
            person.pet_set.all().count(),
            favourite in person.pet_set.all(),
            [pet.name for pet in person.pet_set.all()[:1]],
            person.pet_set.all()[0].name,
        ))
    return rows


def check(result):
    return all(row[1] == 2 and row[3] == 2 for row in result)
