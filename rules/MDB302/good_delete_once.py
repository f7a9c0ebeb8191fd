"""The pets of every person deleted with one query filtered across the relation, not per row."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    people = Person.objects.all()
    Pet.objects.filter(owner__in=people).delete()
    return [person.name for person in people]
