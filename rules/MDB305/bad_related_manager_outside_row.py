"""publisher.book_set.count() of a publisher fetched before the loop, run again for every tag."""
from django.db.models import Count

from catalog.models import Book, BookTag, Publisher, Tag

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    publisher = Publisher.objects.create(name="Acme")
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)
        tag = Tag.objects.create(name=f"Tag {i}")
        BookTag.objects.create(book=book, tag=tag)


def scenario():
    publisher = Publisher.objects.get(name="Acme")
    shares = {}
    for tag in Tag.objects.annotate(tagged=Count("books")):
        shares[tag.name] = tag.tagged / publisher.book_set.count()  # expect: MDB305
    return shares
