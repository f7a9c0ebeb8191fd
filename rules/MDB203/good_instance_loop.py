"""A loop over two of the archive's people, each compared in a query on "other"."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        archived = Person.objects.using("other").create(name=f"Archived {i}")
        if i % 2 == 0:
            Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=archived)


def scenario():
    counts = {}
    for person in Person.objects.using("other").filter(name__in=["Archived 0", "Archived 1"])[:2]:
        counts[person.name] = Book.objects.using("other").filter(editor=person).count()
    return counts


def check(counts):
    return counts == {"Archived 0": 1, "Archived 1": 0}
