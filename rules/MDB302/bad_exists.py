"""person.pet_set.exists() per row, in a list comprehension's filter."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


# fix: prefetch_related("pet_set")
def scenario():
    return [person.name for person in Person.objects.all() if person.pet_set.exists()]  # expect: MDB302
