"""An if/else picks the book's database and only one branch conflicts with the archive's author:
mdblint reports a pair only when every possibility is refused (the branch that runs here is fine)."""
from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Book.objects.using("other").create(title=f"Book {i}", published="2024-01-01")
    Person.objects.using("other").create(name="Mark Pilgrim")


def scenario(archived=True):
    if archived:
        book = Book.objects.using("other").get(title="Book 0")
    else:
        book = Book.objects.using("default").get(title="Book 0")
    author = Person.objects.using("other").get(name="Mark Pilgrim")
    book.authors.add(author)
    return list(book.authors.using("other").values_list("name", flat=True))


def check(result):
    return result == ["Mark Pilgrim"]
