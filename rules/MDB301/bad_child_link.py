"""Reading the multi-table child (book.ebook, the reverse side of Ebook.book_ptr) per book:
one query per row."""
from catalog.models import Book, Ebook

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Ebook.objects.create(title=f"Ebook {i}", published="2024-01-01", file_size=i)


# fix: select_related("ebook")
def scenario():
    return [book.ebook.file_size for book in Book.objects.all()]  # expect: MDB301
