"""A reverse ForeignKey manager (person.pet_set) iterated once per row of a queryset loop."""
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
    names = []
    for person in Person.objects.all():
        for pet in person.pet_set.all():  # expect: MDB302
            names.append((person.name, pet.name))
    return names
