"""`async for` fetches the rows through the async API, but each row's owner is a lazy sync query."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def owners():
    names = []
    async for pet in Pet.objects.all():
        names.append(pet.owner.name)  # expect: MDB307
    return names


def scenario():
    return asyncio.run(owners())
