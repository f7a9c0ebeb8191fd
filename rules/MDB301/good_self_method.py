"""The good twin of bad_self_method.py: the loop's queryset selects the publisher the method reads."""
from catalog.models import Book, Publisher


class Report:
    def line(self, book):
        return f"{book.title} ({book.publisher.name})"

    def run(self):
        return [self.line(book) for book in Book.objects.select_related("publisher")]


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01",
                            publisher=Publisher.objects.create(name=f"Publisher {i}"))


def scenario():
    return Report().run()
