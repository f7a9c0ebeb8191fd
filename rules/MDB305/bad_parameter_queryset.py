"""A helper whose parameter is annotated QuerySet[Book] counts BookTag rows per book."""
from django.db.models import QuerySet

from catalog.models import Book, BookTag, Tag

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    tag = Tag.objects.create(name="fiction")
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        BookTag.objects.create(book=book, tag=tag)


def tag_counts(books: QuerySet[Book]) -> dict[str, int]:
    counts = {}
    for book in books:
        counts[book.title] = BookTag.objects.filter(book=book).count()  # expect: MDB305
    return counts


def scenario():
    return tag_counts(Book.objects.all())
