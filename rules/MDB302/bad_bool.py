"""A related manager's queryset tested for truth in an if, per row."""
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
    owners = []
    for person in Person.objects.all():
        if person.pet_set.all():  # expect: MDB302
            owners.append(person.name)
    return owners
