"""prefetch_related("pet_set"): the async loop over each person's pets reads the prefetched rows."""
import asyncio

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        Pet.objects.create(name=f"Pet {i}", owner=Person.objects.create(name=f"Owner {i}"))


async def names():
    out = []
    async for person in Person.objects.prefetch_related("pet_set"):
        out.extend(pet.name for pet in person.pet_set.all())
    return out


def scenario():
    return asyncio.run(names())


def check(names):
    return len(names) in (3, 6)
