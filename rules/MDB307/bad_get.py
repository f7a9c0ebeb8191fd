"""get() is the sync API: inside async def it raises before the query."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def first_pet():
    return Pet.objects.get(name="Pet 0").name  # expect: MDB307


def scenario():
    return asyncio.run(first_pet())
