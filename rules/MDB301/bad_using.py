"""A loop over a queryset bound with .using("other") (a settings constant); each book's
editor is read from the archive, one query per row."""
from django.conf import settings

from catalog.models import Book, Person
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")


def setup(n):
    for i in range(n):
        editor = Person.objects.db_manager("other").create(name=f"Editor {i}")
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01", editor=editor)


# fix: select_related("editor")
def scenario():
    names = []
    for book in Book.objects.using(settings.ARCHIVE_DB).all():
        names.append(book.editor.name)  # expect: MDB301
    return names
