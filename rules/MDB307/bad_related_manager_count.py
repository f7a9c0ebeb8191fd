"""A related manager counted with the sync API."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def pets_of_first():
    person = await Person.objects.aget(name="Owner 0")
    return person.pet_set.count()  # expect: MDB307


def scenario():
    return asyncio.run(pets_of_first())
