"""`editor__in=[person]` with a person read from "other": pks compared on "replica"."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: titles == ["Book 0"])


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    archived = Person.objects.using("other").get(name="Archived 0")
    return list(Book.objects.filter(editor__in=[archived]).values_list("title", flat=True))  # expect: MDB203
