"""list() of a reverse ForeignKey manager with a related_name (person.edited) per row."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


# fix: prefetch_related("edited")
def scenario():
    edited = []
    for person in Person.objects.all():
        edited.append(list(person.edited.all()))  # expect: MDB302
    return [[str(book) for book in books] for books in edited]
