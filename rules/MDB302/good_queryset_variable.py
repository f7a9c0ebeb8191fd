"""The queryset is built in steps in a local variable; one of them prefetches the pets."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario():
    people = Person.objects.filter(name__startswith="Owner")
    people = people.prefetch_related("pet_set").order_by("-name")
    return [person.pet_set.exists() for person in people]
