"""An unsaved book built with an archived editor is bound to "other" by that relation (the
router keeps it with its editor) and saved there; looked up in a routed BookTag query, the
primary's tags of the book with the same pk come back."""
from catalog.models import Book, BookTag, Person, Tag

from mdblint.runtime.oracles import wrong_result

# The new archived book has no tag; the primary's Book 0 (same pk) has one.
ORACLE = wrong_result(lambda count: count == 1)


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
    return BookTag.objects.filter(book=book).count()  # expect: MDB203
