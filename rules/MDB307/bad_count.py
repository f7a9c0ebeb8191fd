"""count() on a queryset inside async def."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def how_many():
    pets = Pet.objects.filter(name__startswith="Pet")
    return pets.count()  # expect: MDB307


def scenario():
    return asyncio.run(how_many())
