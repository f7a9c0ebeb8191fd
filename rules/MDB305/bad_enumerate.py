"""A loop over enumerate(queryset) with an exists() query per row."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    lines = []
    for number, person in enumerate(Person.objects.all(), 1):
        has_pets = Pet.objects.filter(owner=person).exists()  # expect: MDB305
        lines.append(f"{number}. {person.name}: {'pets' if has_pets else 'none'}")
    return lines
