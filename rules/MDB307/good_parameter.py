"""An instance given by the caller may come with its relations (here: selected): not reported."""
import asyncio

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def owner_of(pet):
    return pet.owner.name


async def work():
    pet = await Pet.objects.select_related("owner").aget(name="Pet 1")
    return await owner_of(pet)


def scenario():
    return asyncio.run(work())


def check(name):
    return name == "Owner 1"
