"""iterator(chunk_size=...) after prefetch_related(): Django prefetches once per chunk, so the
pets come with each chunk of people, not one query per person."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    counts = []
    for person in Person.objects.prefetch_related("pet_set").iterator(chunk_size=100):
        counts.append(person.pet_set.count())
    return counts
