"""get(pk=...) on a prefetched manager always runs its own query, once per person."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    first_pet = {}
    for owner_id, pet_id in Pet.objects.order_by("-pk").values_list("owner_id", "pk"):
        first_pet[owner_id] = pet_id
    names = []
    for person in Person.objects.prefetch_related("pet_set"):
        names.append(person.pet_set.get(pk=first_pet[person.pk]).name)  # expect: MDB303
    return names
