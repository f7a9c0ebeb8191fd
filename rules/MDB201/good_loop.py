"""A loop over querysets bound to "other", each used inside an outer query bound to "other"."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=editor)


def scenario():
    counts = []
    archive = Person.objects.using("other")
    for people in (archive.filter(name__endswith="0"), archive.exclude(name__endswith="0")):
        counts.append(Book.objects.using("other").filter(editor__in=people).count())
    return counts


def check(counts):
    return counts in ([1, 2], [1, 5])
