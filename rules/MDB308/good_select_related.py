# fixture: django>=6.1
"""Under FETCH_RAISE, what select_related() loaded is read without a fetch; a key's column is loaded."""
from django.db import models

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    rows = Pet.objects.select_related("owner").fetch_mode(models.FETCH_RAISE)
    return [(pet.owner.name, pet.owner_id, pet.name) for pet in rows]


def check(rows):
    return all(name.startswith("Owner") and key for name, key, _ in rows)
