"""An async comprehension over the rows, reading a relation that was not selected."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def owners():
    return [pet.owner.name async for pet in Pet.objects.order_by("name")]  # expect: MDB307


def scenario():
    return asyncio.run(owners())
