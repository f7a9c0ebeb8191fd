"""A loop over Person.objects.using(ARCHIVE) (a module constant) evaluating person.pet_set."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        owner = Person.objects.db_manager(ARCHIVE).create(name=f"Owner {i}")
        Pet.objects.using(ARCHIVE).create(name=f"Pet {i}", owner=owner)


# fix: prefetch_related("pet_set")
def scenario():
    return [list(person.pet_set.all()) for person in Person.objects.using(ARCHIVE)]  # expect: MDB302
