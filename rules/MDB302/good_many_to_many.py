"""ManyToMany managers from both sides, a through model and a related_name="+" field, each
prefetched."""
from accounts.models import Subscription, UserProfile
from catalog.models import Book, Person, Publisher, Tag


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        tag = Tag.objects.create(name=f"tag{i}")
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(author)
        book.tags.add(tag)
        subscription = Subscription.objects.create(profile=UserProfile.objects.create(flavor="vanilla"))
        subscription.publishers.add(Publisher.objects.create(name=f"Publisher {i}"))


def scenario():
    authors = [[str(a) for a in book.authors.all()] for book in Book.objects.prefetch_related("authors")]
    counts = sum(person.book_set.count() for person in Person.objects.prefetch_related("book_set"))
    titles = [", ".join(b.title for b in tag.books.all()) for tag in Tag.objects.prefetch_related("books")]
    publishers = [len(sub.publishers.all()) for sub in Subscription.objects.prefetch_related("publishers")]
    return authors, counts, titles, publishers
