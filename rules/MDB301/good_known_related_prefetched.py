"""Nested loops over a prefetched reverse ForeignKey: the prefetch sets each child's forward
relation to its parent (book.publisher, pet.owner), so the inner reads query nothing."""
from catalog.models import Book, Person, Pet, Publisher


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    rows = []
    for publisher in Publisher.objects.prefetch_related("book_set"):
        for book in publisher.book_set.all():
            rows.append(book.publisher.name)
    for person in Person.objects.prefetch_related("pet_set"):
        rows.extend(pet.owner.name for pet in person.pet_set.all())
    return rows
