"""A command's loop hands each row to a method of its own class, which reads book.publisher: one
query per row, reported at the call; the loop's own read after it is cached on the row."""
from catalog.models import Book, Publisher
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


# fix: select_related("publisher")
class Report:
    def line(self, book):
        return f"{book.title} ({book.publisher.name})"

    def run(self):
        lines = []
        for book in Book.objects.all():
            lines.append(self.line(book))  # expect: MDB301
            lines.append(book.publisher.name)
        return lines


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01",
                            publisher=Publisher.objects.create(name=f"Publisher {i}"))


def scenario():
    return Report().run()
