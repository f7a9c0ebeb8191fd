"""A helper returns the archive's pets queryset; create() on it is given an owner read from the
primary."""
from catalog.models import Person, Pet
from mdblint.runtime.oracles import wrong_result

# (name of the owner as the archive sees it, name of the intended owner)
ORACLE = wrong_result(lambda r: r[0] != r[1])


def archived_pets():
    return Pet.objects.using("other").order_by("name")


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")


def scenario():
    owner = Person.objects.using("default").get(name="Staff 1")
    pet = archived_pets().create(name="Rex", owner=owner)  # expect: MDB104
    return archived_pets().get(pk=pet.pk).owner.name, owner.name
