"""prefetch_related("pet_set") fetched the pets with the person: the sync loop reads the cache."""
import asyncio

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def pet_names():
    person = await Person.objects.prefetch_related("pet_set").aget(name="Owner 0")
    return [pet.name for pet in person.pet_set.all()], len(person.pet_set.all())


def scenario():
    return asyncio.run(pet_names())


def check(result):
    return result == (["Pet 0"], 1)
