"""Writes tied to a person loaded from "other" (a related-manager create(), and a new Pet
whose owner is that person: Django binds it to the owner's database) inside
atomic(using=settings.ARCHIVE_DB); the rollback undoes both."""
from django.conf import settings
from django.db import transaction

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Person {i}")


def scenario():
    owner = Person.objects.using("other").get(name="Person 0")
    try:
        with transaction.atomic(using=settings.ARCHIVE_DB):
            owner.pet_set.create(name="Rex")
            pet = Pet(name="Fido", owner=owner)
            pet.save()
            raise RuntimeError("abort the adoption")
    except RuntimeError:
        pass
    return Pet.objects.using("other").count()


def check(survived):
    return survived == 0
