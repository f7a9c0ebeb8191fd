"""iterator(chunk_size=...) keeps the prefetch (Django 4.1+): one pets query per chunk; and
iterator() without prefetch_related() needs no chunk_size."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    people = Person.objects.prefetch_related("pet_set")
    counts = [person.pet_set.count() for person in people.iterator(chunk_size=100)]
    names = [person.name for person in Person.objects.order_by("name").iterator()]
    cleared = [person.name for person in people.prefetch_related(None).iterator()]
    return counts, names, cleared
