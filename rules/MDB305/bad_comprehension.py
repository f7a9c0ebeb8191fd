"""A dict comprehension over people counting each one's edited books with Book.objects."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    return {person.name: Book.objects.filter(editor=person).count() for person in Person.objects.all()}  # expect: MDB305
