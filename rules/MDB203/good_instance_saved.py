"""A person saved with save(using="other") and compared in a query on "other"."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    person = Person(name="Archived")
    person.save(using="other")
    return Book.objects.using("other").filter(editor=person).count()


def check(count):
    return count == 0
