"""The loop is in a function that receives the queryset as a parameter; the caller passes a
queryset that does not prefetch the pets."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def pet_counts(people):
    return [person.pet_set.count() for person in people]  # expect: MDB302


def scenario():
    return pet_counts(Person.objects.all())
