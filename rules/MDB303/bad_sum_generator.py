"""sum() over a generator calling aggregate() on a prefetched manager: a query per person."""
from django.db.models import Count

from catalog.models import Person, Pet
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    people = Person.objects.prefetch_related("pet_set")
    return sum(person.pet_set.aggregate(n=Count("pk"))["n"] for person in people)  # expect: MDB303
