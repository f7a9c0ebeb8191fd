"""Pet.objects.create() per person, its object used in the loop: one INSERT per row; the message does
not offer bulk_create() as a drop-in (the loop uses what create() returns)."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Owner {i}")


def scenario():
    keys = []
    for person in Person.objects.all():
        pet = Pet.objects.create(name=f"{person.name}'s cat", owner=person)  # expect: MDB305
        keys.append(pet.pk)
    return keys
