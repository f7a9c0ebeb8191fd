"""A plain for loop over a queryset inside async def: the iteration runs the sync query."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def names():
    out = []
    for pet in Pet.objects.all():  # expect: MDB307
        out.append(pet.name)
    return out


def scenario():
    return asyncio.run(names())
