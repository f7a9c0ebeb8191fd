"""in_bulk() on a prefetched manager is a new query per person."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    return [sorted(person.pet_set.in_bulk()) for person in Person.objects.prefetch_related("pet_set")]  # expect: MDB303
