# fixture: django>=6.1
"""FETCH_PEERS and FETCH_ONE fetch what was not loaded: no exception (FETCH_PEERS in one query)."""
from django.db import models

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    peers = [pet.owner.name for pet in Pet.objects.fetch_mode(models.FETCH_PEERS)]
    pet = Pet.objects.fetch_mode(models.FETCH_ONE).get(name="Pet 0")
    return peers, pet.owner.name


def check(result):
    return result[1] == "Owner 0" and len(result[0]) >= 3
