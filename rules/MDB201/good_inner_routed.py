"""The inner queryset has no .using(): it has no database of its own and runs wherever the
outer query runs (Django's own multi-db test_subquery: "it should work, running on 'other'")."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        editor = Person.objects.using("other").create(name=f"Archived {i}")
        Book.objects.using("other").create(title=f"Archived book {i}", published="2024-01-01", editor=editor)


def scenario():
    editors = Person.objects.filter(name__startswith="Archived")
    return sorted(Book.objects.using("other").filter(editor__in=editors).values_list("title", flat=True))


def check(titles):
    return len(titles) in (3, 6) and all(t.startswith("Archived book") for t in titles)
