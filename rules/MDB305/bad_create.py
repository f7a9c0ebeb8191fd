"""Pet.objects.create() per person: one INSERT per row instead of one bulk_create()."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Owner {i}")


def scenario():
    for person in Person.objects.all():
        Pet.objects.create(name=f"{person.name}'s cat", owner=person)  # expect: MDB305
    return Pet.objects.count()
