"""bulk_create() called inside the loop: one INSERT per person, so nothing is batched."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Owner {i}")


def scenario():
    for person in Person.objects.all():
        Pet.objects.bulk_create([Pet(name="Cat", owner=person), Pet(name="Dog", owner=person)])  # expect: MDB305
    return Pet.objects.count()
