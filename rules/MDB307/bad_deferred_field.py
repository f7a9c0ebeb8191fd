"""only() left the owner key out: reading its column is a lazy sync query."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def owner_key():
    pet = await Pet.objects.only("name").aget(name="Pet 0")
    return pet.owner_id  # expect: MDB307


def scenario():
    return asyncio.run(owner_key())
