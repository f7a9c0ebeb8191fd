"""A loop over a literal list of three names: three exists() queries whatever the data size."""
from catalog.models import Person


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Person {i}")


def scenario():
    return {name: Person.objects.filter(name=name).exists() for name in ["Person 0", "Person 1", "Nobody"]}


def check(result):
    return result == {"Person 0": True, "Person 1": True, "Nobody": False}
