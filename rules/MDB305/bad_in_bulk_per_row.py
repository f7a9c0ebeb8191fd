"""in_bulk() called inside the loop: the dictionary is rebuilt with a query for every pet."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    lines = []
    for pet in Pet.objects.all():
        owners = Person.objects.in_bulk([pet.owner_id])  # expect: MDB305
        lines.append(f"{pet.name} ({owners[pet.owner_id].name})")
    return lines
