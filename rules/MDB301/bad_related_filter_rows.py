"""filter() on a row's related manager runs its own query, so its rows are a new queryset: the
publisher read on them needs select_related on that queryset, not a prefetch on the outer one."""
from catalog.models import Book, Person, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    author = Person.objects.create(name="Author")
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01",
                                   publisher=Publisher.objects.create(name=f"Publisher {i}"))
        book.authors.add(author)


# fix: select_related("publisher")
def scenario():
    names = []
    for person in Person.objects.filter(name="Author"):
        for book in person.book_set.filter(title__startswith="Book"):
            names.append(book.publisher.name)  # expect: MDB301
    return names
