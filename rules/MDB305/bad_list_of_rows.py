"""A loop over list(queryset): the rows are in memory, but aggregate() queries per person."""
from django.db.models import Max

from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    people = list(Person.objects.all())
    latest = {}
    for person in people:
        latest[person.name] = Book.objects.filter(editor=person).aggregate(last=Max("published"))["last"]  # expect: MDB305
    return latest
