"""The prefetch is on one queryset, the loop iterates another one built from the manager with
using(): it prefetches nothing (one pets query per person on "other")."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow("other")


def setup(n):
    for i in range(n):
        owner = Person.objects.using("other").create(name=f"Owner {i}")
        Pet.objects.using("other").create(name=f"Pet {i}", owner=owner)


# fix: prefetch_related("pet_set")
def scenario():
    prefetched = Person.objects.prefetch_related("pet_set")
    people = Person.objects.using("other")
    counts = [person.pet_set.count() for person in people]  # expect: MDB302
    return counts, prefetched.query is not None
