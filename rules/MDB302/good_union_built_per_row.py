"""Related querysets combined with `|` on every row (inline and in a helper the loop calls), then
evaluated once after the loop: `.all()` and `|` build a lazy queryset; the union is one query."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Pet.objects.create(name=f"Pet {i}b", owner=owner)


def pets_of(person, others):
    pets = person.pet_set.all()
    for other in others:
        pets = pets | other.pet_set.all()
    return pets


def scenario():
    pets = Pet.objects.none()
    for person in Person.objects.all():
        pets = pets | person.pet_set.all()
    names = sorted(pet.name for pet in pets)
    first = list(Person.objects.filter(name="Owner 0"))
    combined = Pet.objects.none()
    for person in Person.objects.all():
        combined = combined | pets_of(person, first)
    return names, combined.count()
