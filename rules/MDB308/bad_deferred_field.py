# fixture: django>=6.1
"""only() left the owner key out, and FETCH_RAISE blocks loading it."""
from django.db import models

from catalog.models import Person, Pet
from mdblint.runtime.oracles import raises

ORACLE = raises("FieldFetchBlocked")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    keys = []
    for pet in Pet.objects.only("name").fetch_mode(models.FETCH_RAISE):
        keys.append(pet.owner_id)  # expect: MDB308
    return keys
