"""prefetch_related() also covers a forward ForeignKey: one more query for all publishers."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    return [pet.owner.name for pet in Pet.objects.prefetch_related("owner")]
