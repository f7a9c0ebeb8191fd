"""A Prefetch whose queryset mdblint cannot read may load anything below its path: here it joins
each book's publisher, so the nested reads run no query (mdblint stays silent)."""
from django.db.models import Prefetch

from catalog.models import Book, Person, Publisher


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01",
                                   publisher=Publisher.objects.create(name=f"Publisher {i}"))
        book.authors.add(author)


def scenario():
    books = getattr(Book, "objects").select_related("publisher")   # not statically known
    people = Person.objects.prefetch_related(Prefetch("book_set", queryset=books))
    return [[book.publisher.name for book in person.book_set.all()] for person in people]
