"""A slice of a related manager's queryset, evaluated per row: one LIMIT query per person."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


# fix: prefetch_related("pet_set")
def scenario():
    return [[pet.name for pet in person.pet_set.all()[:1]] for person in Person.objects.all()]  # expect: MDB302
