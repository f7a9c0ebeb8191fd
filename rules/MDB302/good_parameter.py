"""The loop is in a function that receives the queryset as a parameter; the caller prefetches
the pets."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def pet_counts(people):
    return [person.pet_set.count() for person in people]


def scenario():
    return pet_counts(Person.objects.prefetch_related("pet_set"))
