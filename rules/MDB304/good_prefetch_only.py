"""only() inside Prefetch(queryset=...) names the field the loop reads (and the key the prefetch
joins on): one query for the persons, one for their books."""
from django.db.models import Prefetch

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01").authors.add(author)


def scenario():
    dates = []
    books = Book.objects.only("title", "published")
    for author in Person.objects.prefetch_related(Prefetch("book_set", queryset=books)):
        for book in author.book_set.all():
            dates.append(book.published)
    return dates
