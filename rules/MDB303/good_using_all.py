"""A prefetching queryset bound to "other": .all() and .count() on the prefetched manager stay
on the cache (2 queries on "other")."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.using("other").create(name=f"Owner {i}")
        Pet.objects.using("other").create(name=f"Pet {i}", owner=owner)


def scenario():
    people = Person.objects.using("other").prefetch_related("pet_set")
    return [([pet.name for pet in person.pet_set.all()], person.pet_set.count()) for person in people]
