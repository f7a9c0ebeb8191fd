"""A loop over Person.objects.using("other") with a Pet.objects.using("other") count per row."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        owner = Person.objects.db_manager(ARCHIVE).create(name=f"Owner {i}")
        Pet.objects.using(ARCHIVE).create(name=f"Pet {i}", owner=owner)


def scenario():
    counts = {}
    for person in Person.objects.using(ARCHIVE):
        counts[person.name] = Pet.objects.using(ARCHIVE).filter(owner=person).count()  # expect: MDB305
    return counts
