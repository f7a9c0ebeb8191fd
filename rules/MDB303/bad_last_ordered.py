"""last() on a prefetched manager reverses the queryset, a clone without the prefetched rows: a
new query per person even though Pet has Meta.ordering."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    return [str(person.pet_set.last()) for person in Person.objects.prefetch_related("pet_set")]  # expect: MDB303
