"""prefetch_related(None) clears the earlier prefetch_related("pet_set")."""
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
    people = Person.objects.prefetch_related("pet_set")
    return [person.pet_set.count() for person in people.prefetch_related(None)]  # expect: MDB302
