"""A loop over range(3): three get_or_create() calls however many rows exist."""
from catalog.models import Book, Tag


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    tags = []
    for i in range(3):
        tag, _ = Tag.objects.get_or_create(name=f"shelf {i}")
        tags.append(tag.name)
    return tags


def check(result):
    return result == ["shelf 0", "shelf 1", "shelf 2"]
