"""values_list() on a prefetched manager is a new query: the prefetch cache only serves
all(), count(), exists() and evaluation of the cached queryset."""
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
        names.append(list(person.pet_set.values_list("name", flat=True)))  # expect: MDB303
    return names
