"""iterator() after prefetch_related() without chunk_size: Django 5.0+ raises ValueError (Django
4.1 and 4.2 warned and dropped the prefetch, one query per person)."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="chunk_size must be provided")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    people = Person.objects.prefetch_related("pet_set")
    return [person.pet_set.count() for person in people.iterator()]  # expect: MDB303
