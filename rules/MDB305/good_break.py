"""The first pet-less person is looked up, then the loop stops: the exists() query runs once."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    found = None
    for person in Person.objects.all():
        if person.name.endswith(" 0"):
            found = Pet.objects.filter(owner=person).exists()
            break
    return found


def check(result):
    return result is True
