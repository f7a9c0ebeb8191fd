"""A related manager evaluated once, outside any loop, and a loop over its rows."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    person = Person.objects.get(name="Owner 0")
    names = [pet.name for pet in person.pet_set.all()]
    for pet in person.pet_set.all():
        names.append(pet.owner_id)
    return names, person.pet_set.count()
