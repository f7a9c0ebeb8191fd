"""A loop copies pets to the archive, giving each the owner read from the primary: every row
written on "other" points at an archive person with the primary person's key."""
from catalog.models import Person, Pet
from mdblint.runtime.oracles import wrong_result

# [(owner name as the archive sees it, intended owner name)] for each copied pet
ORACLE = wrong_result(lambda pairs: pairs and all(seen != meant for seen, meant in pairs))


def setup(n):
    for i in range(n):
        person = Person.objects.create(name=f"Staff {i}")
        Pet.objects.create(name=f"Pet {i}", owner=person)
        Person.objects.using("other").create(name=f"Archivist {i}")


def scenario():
    pairs = []
    for pet in Pet.objects.using("default").select_related("owner").filter(name__in=["Pet 0", "Pet 1"]):
        copy = Pet.objects.using("other").create(name=pet.name, owner=pet.owner)  # expect: MDB104
        pairs.append((Pet.objects.using("other").get(pk=copy.pk).owner.name, pet.owner.name))
    return pairs
