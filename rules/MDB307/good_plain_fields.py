"""Fields loaded with the row (its own columns, a foreign key's column) are read without a query."""
import asyncio

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def fields():
    pet = await Pet.objects.aget(name="Pet 0")
    out = [(pet.pk, pet.name, pet.owner_id)]
    async for row in Pet.objects.only("name", "owner"):
        out.append((row.name, row.owner_id))
    return out


def scenario():
    return asyncio.run(fields())


def check(out):
    return out[0][1] == "Pet 0" and all(key is not None for _, key in out[1:])
