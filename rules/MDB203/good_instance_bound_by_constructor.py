"""An unsaved book built with an archived editor is bound to "other" by that relation and saved
there; its tags are looked up on "other" too."""
from catalog.models import Book, BookTag, Person, Tag


def setup(n):
    tag = Tag.objects.create(name="classic")
    for i in range(n):
        book = Book.objects.create(title=f"Book {i}", published="2024-01-01")
        if i == 0:
            BookTag.objects.create(book=book, tag=tag)
    Person.objects.using("other").create(name="Archived")


def scenario():
    archived = Person.objects.using("other").get(name="Archived")
    book = Book(title="New", published="2024-01-01", editor=archived)
    book.save()
    return BookTag.objects.using("other").filter(book=book).count()


def check(count):
    return count == 0
