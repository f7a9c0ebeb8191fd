"""A helper takes the alias as a parameter and returns a queryset bound to it that prefetches
the pets (the prefetch reads the same database)."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.db_manager("other").create(name=f"Owner {i}")
        Pet.objects.using("other").create(name=f"Pet {i}", owner=owner)


def people_on(using):
    return Person.objects.using(using).prefetch_related("pet_set")


def scenario():
    archive = "other"
    names = []
    for person in people_on(archive):
        names.append([pet.name for pet in person.pet_set.all()])
    return names
