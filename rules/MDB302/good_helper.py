"""A helper defined in the module returns a queryset that prefetches the pets."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def owners():
    return Person.objects.prefetch_related("pet_set")


def scenario():
    counts = []
    for person in owners().filter(name__startswith="Owner"):
        counts.append(person.pet_set.count())
    return counts
