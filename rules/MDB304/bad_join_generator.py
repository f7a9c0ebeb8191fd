"""A generator expression passed to ", ".join() reads the name that defer("name") deferred."""
from catalog.models import Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Person {i}")


def scenario():
    return ", ".join(person.name for person in Person.objects.defer("name"))  # expect: MDB304
