"""A helper takes the alias as a parameter; called with "other", its person is compared in a
query on "other" too."""
from catalog.models import Book, Person


def person_on(using, name):
    return Person.objects.using(using).get(name=name)


def setup(n):
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)
        archived = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=archived)


def scenario():
    person = person_on("other", "Archived 0")
    return list(Book.objects.using("other").filter(editor=person).values_list("title", flat=True))


def check(titles):
    return titles == ["Archived book 0"]
