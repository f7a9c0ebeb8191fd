"""A related queryset combined with `|` and evaluated inside the loop: the union is a new query
on every row (prefetch_related() would not spare it)."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    names = []
    for person in Person.objects.all():
        pets = person.pet_set.all() | Pet.objects.filter(name="Pet 0")  # expect: MDB302
        names += [pet.name for pet in pets]
    return names
