"""select_related("ebook") joins the multi-table child; prefetch_related("ebook") works too."""
from catalog.models import Book, Ebook


def setup(n):
    for i in range(n):
        Ebook.objects.create(title=f"Ebook {i}", published="2024-01-01", file_size=i)


def scenario():
    sizes = [book.ebook.file_size for book in Book.objects.select_related("ebook")]
    sizes += [book.ebook.file_size for book in Book.objects.prefetch_related("ebook")]
    return sizes
