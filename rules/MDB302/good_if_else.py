"""An if/else picks the queryset; both branches prefetch the pets (a string or a Prefetch)."""
from django.db.models import Prefetch

from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def scenario(archived=False):
    if archived:
        people = Person.objects.archived().prefetch_related(Prefetch("pet_set"))
    else:
        people = Person.objects.prefetch_related("pet_set")
    counts = []
    for person in people:
        counts.append(person.pet_set.count())
    return counts
