"""all().filter() on a prefetched manager: all() returns the prefetched queryset, but filter()
clones it without its rows, so every person queries its pets again."""
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
        names.append([pet.name for pet in person.pet_set.all().filter(name__endswith="b")])  # expect: MDB303
    return names
