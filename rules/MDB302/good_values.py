"""Loops over values()/values_list() rows: the related column is joined into the one query."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    rows = [row["pet__name"] for row in Person.objects.values("name", "pet__name")]
    rows += [pet for _, pet in Person.objects.values_list("name", "pet__name")]
    return rows
