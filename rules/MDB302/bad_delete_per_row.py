"""Each person's pets deleted through the related manager inside the loop: one DELETE per row
(prefetch_related() would not spare it; one delete() filtered across the relation would)."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    for person in Person.objects.all():
        person.pet_set.all().delete()  # expect: MDB302
    return Pet.objects.count()
