"""Instances read from the replica and written back without using=: the bookstore router sends
every write to "default" (save(), delete(), related-manager create(), in a loop too)."""
from catalog.models import Book, Person, Pet


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published="2024-01-01")
        Person.objects.using("default").create(name=f"Person {i}")


def scenario():
    book = Book.objects.using("replica").get(title="Book 0")
    book.title = "Book zero"
    book.save()
    for other in Book.objects.using("replica").filter(title__in=["Book 1", "Book 2"])[:2]:
        other.published = "2025-01-01"
        other.save()
    person = Person.objects.get(name="Person 0")   # routed to "replica"
    person.pet_set.create(name="Rex")
    Person.objects.using("replica").get(name="Person 1").delete()
    return (
        Book.objects.using("default").filter(title="Book zero").count(),
        Book.objects.using("default").filter(published="2025-01-01").count(),
        Pet.objects.using("default").filter(owner__name="Person 0").count(),
        Person.objects.using("default").filter(name="Person 1").count(),
    )


def check(result):
    return result == (1, 2, 1, 0)
