"""select_related() without arguments follows every non-null foreign key: Pet.owner is one."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)


def scenario():
    names = []
    for pet in Pet.objects.select_related():
        names.append(pet.owner.name)
    return names
