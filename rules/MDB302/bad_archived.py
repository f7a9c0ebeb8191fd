"""Person.objects.archived() (bound to "other"): every person's pets are counted on the
archive, one query per row."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")


def setup(n):
    for i in range(n):
        owner = Person.objects.db_manager("other").create(name=f"Owner {i}")
        Pet.objects.using("other").create(name=f"Pet {i}", owner=owner)


def scenario():
    counts = []
    for person in Person.objects.archived():
        counts.append(person.pet_set.count())  # expect: MDB302
    return counts
