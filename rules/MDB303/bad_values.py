"""values() on a prefetched manager is a new query: the prefetched rows are not used."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    rows = []
    for person in Person.objects.prefetch_related("pet_set"):
        rows.append(list(person.pet_set.values("name")))  # expect: MDB303
    return rows
