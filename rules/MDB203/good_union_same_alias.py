"""union() and `|` of querysets on the same database: "other" on both sides."""
from django.conf import settings

from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2020-01-01")
    Book.objects.using("other").create(title="Archived new", published="2024-01-01")


def scenario():
    old = Book.objects.using("other").order_by().filter(published__year=2020).values_list("title", flat=True)
    new = Book.objects.using(settings.ARCHIVE_DB).order_by().filter(published__year=2024).values_list("title", flat=True)
    either = Book.objects.using("other").filter(published__year=2020) | Book.objects.using("other").filter(title="Archived new")
    return sorted(old.union(new)), either.count()


def check(result):
    titles, count = result
    return titles[-1] == "Archived new" and len(titles) == count and all(t.startswith("Archived") for t in titles)
