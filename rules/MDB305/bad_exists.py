"""Pet.objects.filter(...).exists() per person: a SELECT 1 ... LIMIT 1 per row."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        if i % 2:
            Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    without_pets = []
    for person in Person.objects.all():
        if not Pet.objects.filter(owner=person).exists():  # expect: MDB305
            without_pets.append(person.name)
    return without_pets
