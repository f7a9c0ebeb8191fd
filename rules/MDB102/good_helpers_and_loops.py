"""Helpers, the custom manager method `archived()` and a loop, all on the archive."""
from catalog.models import Book, Person


def archive_books():
    return Book.objects.using("other").order_by("title")


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01")
    for name in ("Ada Lovelace", "Grace Hopper"):
        Person.objects.using("other").create(name=name)


def scenario():
    book = archive_books().get(title="Book 0")
    for person in Person.objects.archived().filter(name__in=["Ada Lovelace", "Grace Hopper"])[:2]:
        book.authors.add(person)
        person.edited.add(archive_books().get(title="Book 1"))
    return sorted(book.authors.using("other").values_list("name", flat=True))


def check(result):
    return result == ["Ada Lovelace", "Grace Hopper"]
