"""An if/else picks the queryset; neither branch prefetches the pets."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario(archived=False):
    if archived:
        people = Person.objects.archived()
    else:
        people = Person.objects.filter(name__startswith="Owner")
    counts = []
    for person in people:
        counts.append(person.pet_set.count())  # expect: MDB302
    return counts
