"""A loop over sorted(queryset, key=...) with an earliest() query per publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2020-01-01", publisher=publisher)
        Book.objects.create(title=f"Book {i}b", published="2024-01-01", publisher=publisher)


def scenario():
    firsts = []
    for publisher in sorted(Publisher.objects.all(), key=lambda p: p.name.lower()):
        firsts.append(Book.objects.filter(publisher=publisher).earliest("published").title)  # expect: MDB305
    return firsts
