"""latest() on a prefetched manager always queries: one query per person."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    return [person.pet_set.latest("name").name for person in Person.objects.prefetch_related("pet_set")]  # expect: MDB303
