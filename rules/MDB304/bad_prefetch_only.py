"""only("title") inside Prefetch(queryset=...): reading the deferred date on each prefetched book queries per row."""
from django.db.models import Prefetch

from catalog.models import Book, Person
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01").authors.add(author)


def scenario():
    dates = []
    authors = Person.objects.prefetch_related(Prefetch("book_set", queryset=Book.objects.only("title")))
    for author in authors:
        for book in author.book_set.all():
            dates.append(book.published)  # expect: MDB304
    return dates
