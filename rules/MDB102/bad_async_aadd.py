"""The async twin `aadd()` checks the same: an author from the archive added to a primary book."""
from asgiref.sync import async_to_sync

from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='instance is on database "default", value is on database "other"')


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
    Person.objects.using("other").create(name="Mark Pilgrim")


async def credit():
    book = await Book.objects.using("default").aget(title="Book 0")
    mark = await Person.objects.using("other").aget(name="Mark Pilgrim")
    await book.authors.aadd(mark)  # expect: MDB102


def scenario():
    async_to_sync(credit)()
