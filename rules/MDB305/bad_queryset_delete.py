"""Pet.objects.filter(owner=...).delete() per person: a DELETE per row instead of one."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    for person in Person.objects.filter(name__startswith="Owner"):
        Pet.objects.filter(owner=person).delete()  # expect: MDB305
    return Pet.objects.count()
