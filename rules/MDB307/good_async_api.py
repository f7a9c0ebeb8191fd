"""The async API: aget(), acount(), aexists(), afirst(), async for, async comprehensions, asave(),
arefresh_from_db(), a related manager's acount() and aadd()."""
import asyncio

from catalog.models import Book, Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
    Book.objects.create(title="Book", published="2024-01-01")


async def work():
    pet = await Pet.objects.aget(name="Pet 0")
    total = await Pet.objects.acount()
    some = await Pet.objects.filter(name__startswith="Pet").aexists()
    first = await Pet.objects.order_by("name").afirst()
    names = [p.name async for p in Pet.objects.order_by("name")]
    async for p in Pet.objects.filter(name="Pet 1"):
        names.append(p.name)
    pet.name = "Renamed"
    await pet.asave()
    await pet.arefresh_from_db()
    person = await Person.objects.aget(name="Owner 0")
    pets = await person.pet_set.acount()
    book = await Book.objects.aget(title="Book")
    await book.authors.aadd(person)
    return total > 0, some, first.name, pet.name, pets, await book.authors.acount(), len(names)


def scenario():
    return asyncio.run(work())


def check(result):
    return result[0] and result[1:6] == (True, "Pet 0", "Renamed", 1, 1)
