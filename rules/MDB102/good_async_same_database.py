"""The async twins `aadd()`/`aset()`/`aremove()` with every object on the archive."""
from asgiref.sync import async_to_sync

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01")
    Person.objects.using("other").create(name="Mark Pilgrim")


async def credit():
    book = await Book.objects.using("other").aget(title="Book 0")
    mark = await Person.objects.using("other").aget(name="Mark Pilgrim")
    await book.authors.aadd(mark)
    await mark.edited.aset([book])
    await mark.book_set.aremove(book)
    return await book.authors.using("other").acount(), await mark.edited.using("other").acount()


def scenario():
    return async_to_sync(credit)()


def check(result):
    return result == (0, 1)
