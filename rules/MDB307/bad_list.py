"""list(queryset) inside async def."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def pets():
    return [p.name for p in list(Pet.objects.all())]  # expect: MDB307


def scenario():
    return asyncio.run(pets())
