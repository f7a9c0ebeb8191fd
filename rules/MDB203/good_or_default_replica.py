"""`|` and union() of a routed queryset (on "replica") with one pinned to "default": both run
on "replica", which holds the primary's rows, so the answer is right (the router allows the
pair)."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Book.objects.create(title="Old", published="2020-01-01")


def scenario():
    recent = Book.objects.filter(published__year=2024)
    old = Book.objects.using("default").filter(published__year=2020)
    both = recent.order_by().values_list("title", flat=True).union(old.order_by().values_list("title", flat=True))
    return (recent | old).count(), len(both)


def check(result):
    return result in ((4, 4), (7, 7))
