"""A dict comprehension calling only() on a prefetched manager: a new query per person."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    people = Person.objects.prefetch_related("pet_set")
    return {person.name: [pet.name for pet in person.pet_set.only("name", "owner")] for person in people}  # expect: MDB303
