"""alias() on a prefetched manager builds a new queryset: a query per person."""
from django.db.models.functions import Length

from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    people = Person.objects.prefetch_related("pet_set")
    return [[pet.name for pet in person.pet_set.alias(size=Length("name")).filter(size__gt=5)] for person in people]  # expect: MDB303
