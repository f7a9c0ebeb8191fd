"""Person.objects.archived() (bound to "other") with prefetch_related("pet_set"): the pets
come from the archive in one more query."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.db_manager("other").create(name=f"Owner {i}")
        Pet.objects.using("other").create(name=f"Pet {i}", owner=owner)


def scenario():
    counts = []
    for person in Person.objects.archived().prefetch_related("pet_set"):
        counts.append(person.pet_set.count())
    return counts
