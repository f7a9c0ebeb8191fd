# fixture: django>=6.1
"""fetch_mode(FETCH_RAISE) blocks lazy loads: reading an owner that was not selected raises FieldFetchBlocked."""
from django.db import models

from catalog.models import Person, Pet
from mdblint.runtime.oracles import raises

ORACLE = raises("FieldFetchBlocked")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    return [pet.owner.name for pet in Pet.objects.fetch_mode(models.FETCH_RAISE)]  # expect: MDB308
