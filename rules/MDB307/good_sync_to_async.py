"""Sync ORM code run through sync_to_async(): in a worker thread, where Django allows it."""
import asyncio

from asgiref.sync import sync_to_async

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def owner_names():
    return [pet.owner.name for pet in Pet.objects.select_related("owner")]


async def work():
    pet = await Pet.objects.aget(name="Pet 0")
    owner = await sync_to_async(lambda: pet.owner.name)()
    rows = await sync_to_async(list)(Pet.objects.all())
    count = await sync_to_async(Pet.objects.count)()

    @sync_to_async
    def first_pet():
        return Pet.objects.order_by("name").first().name

    return owner, len(rows), count, await first_pet(), await sync_to_async(owner_names)()


def scenario():
    return asyncio.run(work())


def check(result):
    return result[0] == "Owner 0" and result[1] == result[2] and result[3] == "Pet 0"
