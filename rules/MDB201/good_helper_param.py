"""A helper takes the alias as a parameter; the caller passes the outer query's alias."""
from catalog.models import Book, Person


def people_on(using):
    return Person.objects.using(using).filter(name__startswith="Archived")


def setup(n):
    for i in range(n):
        editor = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=editor)


def scenario():
    return Book.objects.db_manager("other").filter(editor__in=people_on("other")).count()


def check(count):
    return count in (3, 6)
