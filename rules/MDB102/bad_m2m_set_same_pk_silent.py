"""Forward many-to-many set() with an archive author whose primary key is already linked on the
primary: Django compares primary keys only, finds "nothing to change", raises nothing and keeps the
primary's author; the archive author the code meant is never linked."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda authors: authors == ["Ada Lovelace"])


def setup(n):
    ada = Person.objects.create(name="Ada Lovelace")                  # pk 1 on "default"
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01").authors.add(ada)
    Person.objects.using("other").create(name="Mark Pilgrim")         # pk 1 on "other"


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    mark = Person.objects.using("other").get(name="Mark Pilgrim")
    book.authors.set([mark])  # expect: MDB102
    return list(book.authors.using("default").values_list("name", flat=True))
