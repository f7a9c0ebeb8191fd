"""update() per person, its count used in the loop: one UPDATE per row; the message does not offer
one update() after the loop as a drop-in (it gives only the total)."""
from catalog.models import Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Pet.objects.create(name=f"Pet {i}", owner=Person.objects.create(name=f"Owner {i}"))


def scenario():
    changed = {}
    for person in Person.objects.all():
        changed[person.name] = Pet.objects.filter(owner=person).update(name="Renamed")  # expect: MDB305
    return changed
