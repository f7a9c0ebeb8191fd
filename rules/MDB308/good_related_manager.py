# fixture: django>=6.1
"""FETCH_RAISE blocks lazy loads of keys and fields, not related managers: their querysets run (an
N+1, MDB302, but no exception)."""
from django.db import models

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    person = Person.objects.fetch_mode(models.FETCH_RAISE).get(name="Owner 0")
    return [pet.name for pet in person.pet_set.all()]


def check(names):
    return names == ["Pet 0"]
