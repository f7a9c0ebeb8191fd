"""len() of a related manager's queryset per row: one query fetching each person's pets."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


# fix: prefetch_related("pet_set")
def scenario():
    sizes = []
    for person in Person.objects.order_by("name"):
        sizes.append(len(person.pet_set.all()))  # expect: MDB302
    return sizes
