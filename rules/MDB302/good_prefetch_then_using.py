"""using() clones the queryset with its prefetch_related() lookups (Django's MultiDbTests): the
pets are prefetched from "other" in one query."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.using("other").create(name=f"Owner {i}")
        Pet.objects.using("other").create(name=f"Pet {i}", owner=owner)


def scenario():
    people = Person.objects.prefetch_related("pet_set").using("other")
    return [person.pet_set.count() for person in people]
