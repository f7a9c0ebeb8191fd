"""A related manager filtered and deleted per row: one DELETE per row, which no prefetch_related()
spares; delete across the relation once instead."""
from catalog.models import Person, Pet
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        person = Person.objects.create(name=f"Person {i}")
        Pet.objects.create(name=f"Old {i}", owner=person)
        Pet.objects.create(name=f"Young {i}", owner=person)


def scenario():
    for person in Person.objects.all():
        person.pet_set.filter(name__startswith="Old").delete()  # expect: MDB302
    return Pet.objects.count()
