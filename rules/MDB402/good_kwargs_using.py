"""save(**opts) where opts = {"using": "default"}, a dict updated to the primary, and a dict
without "using" (the instance's own database): every write goes to the primary."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published="2024-01-01")


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    book.title = "Book zero"
    opts = {"using": "default"}
    book.save(**opts)
    other = Book.objects.using("default").get(title="Book 1")
    moved = {"using": "replica"}
    moved.update(using="default")
    other.save(**moved)
    plain = {"update_fields": ["title"]}
    other.title = "Book one"
    other.save(**plain)
    return tuple(Book.objects.using("default").get(pk=b.pk).title for b in (book, other))


def check(result):
    return result == ("Book zero", "Book one")
