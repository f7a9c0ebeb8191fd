"""The rows are materialised with list() from a queryset that joins the relation, then looped over."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    pets = list(Pet.objects.select_related("owner").order_by("name"))
    names = []
    for pet in pets:
        names.append(pet.owner.name)
    return names
