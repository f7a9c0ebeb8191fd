"""A list comprehension over a queryset reading a forward ForeignKey: one owner query per pet."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


# fix: select_related("owner")
def scenario():
    return [pet.owner.name for pet in Pet.objects.all()]  # expect: MDB301
