"""A forward key read on an instance fetched with aget(): the lazy load is a sync query inside async def."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def owner_name():
    pet = await Pet.objects.aget(name="Pet 0")
    return pet.owner.name  # expect: MDB307


def scenario():
    return asyncio.run(owner_name())
