"""prefetch_related("pet_set") does not cover another reverse relation (person.edited)."""
from catalog.models import Book, Person, Pet

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        person = Person.objects.create(name=f"Person {i}")
        Pet.objects.create(name=f"Pet {i}", owner=person)
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=person)


# fix: prefetch_related("pet_set", "edited")
def scenario():
    rows = []
    for person in Person.objects.prefetch_related("pet_set"):
        rows.append((len(person.pet_set.all()), person.edited.count()))  # expect: MDB302
    return rows
