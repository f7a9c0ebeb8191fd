"""A related-manager create() on a person loaded from "other" writes to "other" (the router
keeps related writes with the instance), inside a bare atomic()."""
from django.db import transaction

from catalog.models import Person, Pet
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Person {i}")


def scenario():
    owner = Person.objects.using("other").get(name="Person 0")
    try:
        with transaction.atomic():
            owner.pet_set.create(name="Rex")  # expect: MDB401
            raise RuntimeError("abort the adoption")
    except RuntimeError:
        pass
    return Pet.objects.using("other").filter(name="Rex").count()
