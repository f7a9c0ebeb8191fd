"""A many-to-many add() with the sync API."""
import asyncio

from catalog.models import Book, Person, Pet

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
    Book.objects.create(title="Book", published="2024-01-01")


async def add_author():
    person = await Person.objects.aget(name="Owner 0")
    book = await Book.objects.aget(title="Book")
    book.authors.add(person)  # expect: MDB307
    return book.title


def scenario():
    return asyncio.run(add_author())
