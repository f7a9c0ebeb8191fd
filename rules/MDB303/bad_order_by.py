"""order_by() on a prefetched manager re-orders in SQL: a new query per person."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    names = []
    for person in Person.objects.prefetch_related("pet_set"):
        names.append([pet.name for pet in person.pet_set.order_by("-name")])  # expect: MDB303
    return names
