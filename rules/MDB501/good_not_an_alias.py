"""Look-alikes that are not aliases DATABASES must define: a parameter shadowing a module
constant, and a `.using()` method of a class that is not a manager or queryset."""
from catalog.models import Book

DB = "archive"  # a name for something else; shadowed below


def count_books(DB="other"):
    return Book.objects.using(DB).count()


class Formatter:
    def using(self, style):
        return f"<{style}>"


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return count_books(), Formatter().using("archive")


def check(result):
    return result == (0, "<archive>")
