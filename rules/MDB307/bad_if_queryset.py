"""`if qs:` fetches every row with the sync API."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def any_pets():
    pets = Pet.objects.filter(name__startswith="Pet")
    if pets:  # expect: MDB307
        return True
    return False


def scenario():
    return asyncio.run(any_pets())
