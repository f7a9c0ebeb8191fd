"""db_manager(ARCHIVE).create() with an owner read from the primary: the pet is written on
"other" pointing at whichever archive person has the primary person's key."""
from catalog.models import Person, Pet
from mdblint.runtime.oracles import wrong_result

# (name of the owner as the archive sees it, name of the intended owner)
ORACLE = wrong_result(lambda r: r[0] != r[1])

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using(ARCHIVE).create(name=f"Archivist {i}")


def scenario():
    owner = Person.objects.using("default").get(name="Staff 0")
    pet = Pet.objects.db_manager(ARCHIVE).create(name="Fido", owner=owner)  # expect: MDB104
    return Pet.objects.using(ARCHIVE).get(pk=pet.pk).owner.name, owner.name
