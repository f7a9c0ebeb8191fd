"""bulk_create() returns the list it is given: three literal instances, zipped with a longer list,
give three rules, so the loop writes three times whatever the table holds."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Person {i}")


def scenario():
    owners = Person.objects.bulk_create([Person(name="Ann"), Person(name="Bob"), Person(name="Cy")])
    names = [f"Pet of {person.name}" for person in Person.objects.using("default")]
    pets = [Pet(name=name, owner=owner) for owner, name in zip(owners, names, strict=False)]
    for pet in pets:
        pet.save()
    return Pet.objects.count()
