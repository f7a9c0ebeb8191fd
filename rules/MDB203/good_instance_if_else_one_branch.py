"""An if/else reads the person from "other" (the query's own alias) or "default"; the branch
taken is "other". mdblint reports only when every possibility conflicts."""
from catalog.models import Book, Person

ARCHIVED = True


def setup(n):
    for i in range(n):
        archived = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=archived)


def scenario():
    if ARCHIVED:
        person = Person.objects.using("other").get(name="Archived 2")
    else:
        person = Person.objects.using("default").get(name="Archived 2")
    return list(Book.objects.using("other").filter(editor=person).values_list("title", flat=True))


def check(titles):
    return titles == ["Archived book 2"]
