"""save() on an instance inside async def."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def rename():
    pet = await Pet.objects.aget(name="Pet 0")
    pet.name = "Renamed"
    pet.save()  # expect: MDB307
    return pet.name


def scenario():
    return asyncio.run(rename())
