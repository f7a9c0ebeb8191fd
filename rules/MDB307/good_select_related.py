"""select_related("owner") fetches the owner with the pet: reading it runs no query."""
import asyncio

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def owner_names():
    pet = await Pet.objects.select_related("owner").aget(name="Pet 0")
    names = [pet.owner.name]
    async for row in Pet.objects.select_related("owner").order_by("name"):
        names.append(row.owner.name)
    return names


def scenario():
    return asyncio.run(owner_names())


def check(names):
    return names[0] == "Owner 0" and names[1:] == sorted(names[1:])
