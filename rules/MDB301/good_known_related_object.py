"""Rows fetched through a reverse ForeignKey manager already know their parent: every pet
from owner.pet_set.all() has pet.owner set to `owner`, so reading it queries nothing."""
from catalog.models import Person, Pet


def setup(n):
    owner = Person.objects.create(name="Owner")
    for i in range(n):
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    owner = Person.objects.get(name="Owner")
    return [pet.owner.name for pet in owner.pet_set.all()]
