"""book.editor of a book read from "other" lives on "other" too (the router keeps related reads
there); compared in a routed query it matches a primary book by pk."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda titles: titles == ["Book 0"])


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        archived = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=archived)


def scenario():
    book = Book.objects.using("other").get(title="Archived book 0")
    return list(Book.objects.filter(editor=book.editor).values_list("title", flat=True))  # expect: MDB203
