"""Forward many-to-many remove() given an author from the archive: Django checks nothing, takes the
author's primary key and deletes the link to whichever author on the primary has that key."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

# Ada is still an author of the book after removing an archive person who never was one.
ORACLE = wrong_result(lambda authors: authors == ["Grace Hopper"])


def setup(n):
    ada = Person.objects.create(name="Ada Lovelace")      # pk 1 on "default"
    grace = Person.objects.create(name="Grace Hopper")    # pk 2 on "default"
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        book.authors.add(ada, grace)
    Person.objects.using("other").create(name="Mark Pilgrim")  # pk 1 on "other"


def scenario():
    book = Book.objects.using("default").get(title="Book 0")
    mark = Person.objects.using("other").get(name="Mark Pilgrim")
    book.authors.remove(mark)  # expect: MDB102
    return list(book.authors.using("default").values_list("name", flat=True))
