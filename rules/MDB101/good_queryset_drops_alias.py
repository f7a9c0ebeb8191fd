"""Look-alike of bad_queryset_drops_alias.py: recent() drops the archive, so its book (from the
replica) is given an editor from the primary, which the router allows; a method that keeps the
alias (published_after(): self.filter()) gives an archived book an archived editor."""
import datetime

from catalog.models import Book, Person


def setup(n):
    for i in range(n):
        Person.objects.using("default").create(name=f"Person {i}")
        Person.objects.using("other").create(name=f"Archivist {i}")
        Book.objects.using("default").create(title=f"Book {i}", published=datetime.date(2024, 6, 1))
        Book.objects.using("other").create(title=f"Book {i}", published=datetime.date(2024, 6, 1))


def scenario():
    editor = Person.objects.using("default").get(name="Person 0")
    book = Book.objects.db_manager("other").recent(datetime.date(2024, 1, 1)).get(title="Book 0")
    book.editor = editor
    book.save()
    archivist = Person.objects.using("other").get(name="Archivist 0")
    kept = Book.objects.db_manager("other").published_after(datetime.date(2024, 1, 1)).get(title="Book 0")
    kept.editor = archivist
    kept.save()
    return (Book.objects.using("default").get(title="Book 0").editor.name,
            Book.objects.using("other").get(title="Book 0").editor.name)


def check(result):
    return result == ("Person 0", "Archivist 0")
