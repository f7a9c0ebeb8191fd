"""The prefetching queryset is built in steps in a variable; distinct() on the prefetched
manager still queries once per person."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    people = Person.objects.filter(name__startswith="Owner")
    people = people.prefetch_related("pet_set")
    names = []
    for person in people:
        names.append([pet.name for pet in person.pet_set.distinct()])  # expect: MDB303
    return names
