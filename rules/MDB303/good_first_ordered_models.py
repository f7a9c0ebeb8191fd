"""first() on prefetched managers of ordered models (Person, Book, Pet, Review all have
Meta.ordering): served from the prefetched rows."""
from django.contrib.contenttypes.models import ContentType

from catalog.models import Book, Person, Pet, Review


def setup(n):
    book_type = ContentType.objects.get_for_model(Book)
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        Pet.objects.create(name=f"Pet {i}", owner=author)
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(author)
        Review.objects.create(source=f"Source {i}", content_type=book_type, object_id=book.pk)


def scenario():
    people = Person.objects.prefetch_related("pet_set", "book_set")
    firsts = [(str(person.pet_set.first()), str(person.book_set.first())) for person in people]
    books = Book.objects.prefetch_related("authors", "reviews")
    others = [(str(book.authors.first()), str(book.reviews.first())) for book in books]
    return firsts, others
