"""Indexing a queryset runs a query (LIMIT 1) with the sync API."""
import asyncio

from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def first_name():
    return Pet.objects.order_by("name")[0].name  # expect: MDB307


def scenario():
    return asyncio.run(first_name())
