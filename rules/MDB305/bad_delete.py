"""pet.delete() on every row: a DELETE per pet instead of one queryset delete()."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    owner = Person.objects.create(name="Owner")
    for i in range(n):
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    for pet in Pet.objects.filter(owner__name="Owner"):
        pet.delete()  # expect: MDB305
    return Pet.objects.count()
