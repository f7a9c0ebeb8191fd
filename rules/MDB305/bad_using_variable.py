"""A queryset bound with .using("other") held in a variable; get() per row on the same alias."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")


def setup(n):
    for i in range(n):
        owner = Person.objects.db_manager("other").create(name=f"Owner {i}")
        Pet.objects.using("other").create(name=f"Pet {i}", owner=owner)


def scenario():
    archive = Pet.objects.using("other")
    names = []
    for pet in archive.all():
        names.append(Person.objects.using("other").get(pk=pet.owner_id).name)  # expect: MDB305
    return names
