"""Loops of a constant number of rows, known from the filter: primary keys taken from a [:3]
slice, a unique field (`Person.name`) `__in` a literal list, and the primary key equal to one
value. Each reads a relation per row, but a constant number of times whatever the table holds."""
from catalog.models import Book, Person, Pet, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)
        person = Person.objects.create(name=f"Person {i}")
        Pet.objects.create(name=f"Pet {i}", owner=person)


def scenario():
    first = [book.pk for book in Book.objects.order_by("pk")[:3]]
    names = [book.publisher.name for book in Book.objects.filter(pk__in=first)]
    for person in Person.objects.filter(name__in=["Person 0", "Person 1"]):
        names.extend(pet.name for pet in person.pet_set.all())
    for book in Book.objects.filter(pk=first[0]):
        names.append(book.publisher.name)
    return sorted(names)
