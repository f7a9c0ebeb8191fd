"""A helper loops over a related manager of an instance it receives: the caller prefetched
`book_set__publisher`, which the helper cannot see, so mdblint stays silent (and Django issues
no query per book)."""
from catalog.models import Book, Person, Publisher


def publishers_of(person):
    return [book.publisher.name for book in person.book_set.all()]


def setup(n):
    person = Person.objects.create(name="Ada")
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01",
                                   publisher=Publisher.objects.create(name=f"House {i}"))
        book.authors.add(person)


def scenario():
    person = Person.objects.prefetch_related("book_set__publisher").get(name="Ada")
    return publishers_of(person)
