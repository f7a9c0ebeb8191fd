# fixture: django>=6.1
"""One instance fetched with FETCH_RAISE: its owner was not selected."""
from django.db.models import FETCH_RAISE

from catalog.models import Person, Pet
from mdblint.runtime.oracles import raises

ORACLE = raises("FieldFetchBlocked")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    pet = Pet.objects.fetch_mode(FETCH_RAISE).get(name="Pet 0")
    return pet.owner.name  # expect: MDB308
