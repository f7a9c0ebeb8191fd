"""A ManyToManyField with a through model, from the reverse side (tag.books), per tag."""
from catalog.models import Book, Tag

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        tag = Tag.objects.create(name=f"tag{i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.tags.add(tag)


# fix: prefetch_related("books")
def scenario():
    titles = []
    for tag in Tag.objects.all():
        titles.append(", ".join(book.title for book in tag.books.all()))  # expect: MDB302
    return titles
