"""Ebook rows (multi-table child) with only("title"): the child's own file_size is deferred."""
from catalog.models import Ebook

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Ebook.objects.create(title=f"Ebook {i}", published="2024-01-01", file_size=i)


def scenario():
    return [ebook.file_size for ebook in Ebook.objects.only("title")]  # expect: MDB304
