"""A helper defined in the module returns the queryset; the caller counts each person's pets."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def owners():
    return Person.objects.filter(name__startswith="Owner")


def scenario():
    counts = []
    for person in owners():
        counts.append(person.pet_set.count())  # expect: MDB302
    return counts
