"""The loop iterates enumerate(queryset): still one pets query per person."""
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
    lines = []
    for number, person in enumerate(Person.objects.all(), 1):
        lines.append(f"{number}. {person.name}: {person.pet_set.count()} pets")  # expect: MDB302
    return lines
