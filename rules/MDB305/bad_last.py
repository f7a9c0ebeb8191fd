"""Pet.objects.filter(...).last() per person in a set comprehension."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    return {Pet.objects.filter(owner=person).last().name for person in Person.objects.all()}  # expect: MDB305
