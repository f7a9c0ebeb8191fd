"""A prefetching queryset bound to "other": exclude() on the prefetched manager queries "other"
once per person."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")


def setup(n):
    for i in range(n):
        owner = Person.objects.using("other").create(name=f"Owner {i}")
        Pet.objects.using("other").create(name=f"Pet {i}", owner=owner)
        Pet.objects.using("other").create(name=f"Pet {i}b", owner=owner)


def scenario():
    names = []
    for person in Person.objects.using("other").prefetch_related("pet_set"):
        names.append([pet.name for pet in person.pet_set.exclude(name__endswith="b")])  # expect: MDB303
    return names
