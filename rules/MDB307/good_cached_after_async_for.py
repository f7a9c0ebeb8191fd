"""`async for` over a queryset fills its result cache: a later sync loop, `if qs:` and `len()` read it."""
import asyncio

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


async def names():
    pets = Pet.objects.filter(name__startswith="Pet")
    async for pet in pets:
        pass
    out = [p.name for p in pets]
    if pets:
        out.append(len(pets))
    others = Pet.objects.order_by("name")
    fetched = [p.pk async for p in others]
    return out, [p.name for p in others], len(fetched)


def scenario():
    return asyncio.run(names())


def check(result):
    out, names, count = result
    return out[-1] == count == len(names) and names == sorted(names)
