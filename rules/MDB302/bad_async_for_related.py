"""`async for` over each person's pets: allowed in async code, and one query per person (N+1)."""
import asyncio

from catalog.models import Person, Pet
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Pet.objects.create(name=f"Pet {i}", owner=Person.objects.create(name=f"Owner {i}"))


# fix: prefetch_related("pet_set")
async def names():
    out = []
    async for person in Person.objects.all():
        async for pet in person.pet_set.all():  # expect: MDB302
            out.append(pet.name)
    return out


def scenario():
    return asyncio.run(names())
