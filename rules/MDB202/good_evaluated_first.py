"""The archive is queried on its own first (a helper returns the bound queryset); only the
names cross over, as a list."""
from catalog.models import Book, Person


def archived_names():
    return Person.objects.using("other").values_list("name", flat=True)


def setup(n):
    Person.objects.using("other").create(name="Editor 0")
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    names = list(archived_names())
    return Book.objects.filter(editor__name__in=names).count()


def check(count):
    return count == 1
