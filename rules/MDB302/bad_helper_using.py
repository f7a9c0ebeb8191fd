"""A helper takes the alias as a parameter and returns Person.objects.using(using); the caller
passes a local variable and lists each person's pets: one query per row on "other"."""
from catalog.models import Person, Pet
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")


def setup(n):
    for i in range(n):
        owner = Person.objects.db_manager("other").create(name=f"Owner {i}")
        Pet.objects.using("other").create(name=f"Pet {i}", owner=owner)


def people_on(using):
    return Person.objects.using(using)


def scenario():
    archive = "other"
    names = []
    for person in people_on(archive):
        names.append([pet.name for pet in person.pet_set.all()])  # expect: MDB302
    return names
