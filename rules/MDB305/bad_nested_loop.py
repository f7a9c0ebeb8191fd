"""Nested loops over publishers and tags with an exists() query in the inner loop."""
from catalog.models import Book, BookTag, Publisher, Tag

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        tag = Tag.objects.create(name=f"Tag {i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)
        BookTag.objects.create(book=book, tag=tag)


def scenario():
    tags = list(Tag.objects.all())
    pairs = []
    for publisher in Publisher.objects.all():
        for tag in tags:
            if Book.objects.filter(publisher=publisher, tags=tag).exists():  # expect: MDB305
                pairs.append((publisher.name, tag.name))
    return pairs
