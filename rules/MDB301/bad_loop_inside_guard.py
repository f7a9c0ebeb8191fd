"""A block that runs once per key (a last-key check) or once at all (it returns) still holds loops
of its own: the comprehension inside reads the publisher of every book it iterates."""
from catalog.models import Book, Person, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    Person.objects.create(name="Reader")
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01",
                            publisher=Publisher.objects.create(name=f"Publisher {i}"))


# fix: select_related("publisher")
def scenario():
    last = None
    for person in Person.objects.order_by("name"):
        if person.name != last:
            last = person.name
            return [book.publisher.name for book in Book.objects.all()]  # expect: MDB301
    return []
