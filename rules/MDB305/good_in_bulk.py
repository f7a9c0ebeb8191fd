"""in_bulk() once before the loop, then dictionary lookups per pet."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    owners = Person.objects.in_bulk()
    return [f"{pet.name} ({owners[pet.owner_id].name})" for pet in Pet.objects.all()]


def check(result):
    return all("(Owner " in line for line in result)
