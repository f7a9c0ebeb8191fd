"""Pet.objects.filter(...).first() per person: one LIMIT 1 query per row, reported once."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    first_pets = {}
    for person in Person.objects.all():
        pet = Pet.objects.filter(owner=person).first()  # expect: MDB305
        first_pets[person.name] = pet.name if pet else None
    return first_pets
