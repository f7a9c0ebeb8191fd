"""Catalog services: publishing, archiving and reporting on books.

Reads are routed to the replica and writes to the primary; the archive lives on the
"other" database, which the router never relates to the primary pool.
"""
import datetime

from django.conf import settings
from django.db import connections, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch

from .models import Book, Person, Pet, Publisher, Review

ARCHIVE = "other"


# --- correct multi-database code --------------------------------------------------

def recent_books(days=30):
    """Books published in the last ``days`` days, read from the replica."""
    since = datetime.date.today() - datetime.timedelta(days=days)
    return Book.objects.using(settings.REPLICA_DB).published_after(since)


def publish_book(title, published, author_names, publisher=None):
    """Create a book on the primary and attach its authors (all on the primary)."""
    with transaction.atomic(using=settings.PRIMARY_DB):
        book = Book.objects.db_manager("default").create(
            title=title, published=published, publisher=publisher
        )
        authors = Person.objects.using("default").filter(name__in=author_names)
        book.authors.add(*authors)
    return book


def archive_book(book, using="other"):
    """Copy a book (without its relations) to the archive database."""
    with transaction.atomic(using=using):
        Book.objects.using(using).filter(title=book.title).delete()
        copy = Book(title=book.title, published=book.published)
        copy.save(using=using)
    return copy


def archived_people():
    """Everyone in the archive, through the module constant."""
    return list(Person.objects.db_manager(ARCHIVE).order_by("name"))


def purge_pets(owner_name):
    """Delete an owner's pets on the archive database."""
    for pet in Pet.objects.using(settings.ARCHIVE_DB).filter(owner__name=owner_name):
        pet.delete(using=settings.ARCHIVE_DB)  # expect: MDB305


def books_per_publisher():
    """Number of books per publisher, as a dict."""
    rows = Publisher.objects.annotate(n=Count("book")).values_list("name", "n")
    return dict(rows)


def print_catalogue_fast():
    """One query: the publisher is joined in."""
    for book in Book.objects.select_related("publisher"):
        print(book.title, "-", book.publisher.name if book.publisher else "")


def books_by_authors_named(prefix):
    """Subquery on the same alias as the outer query: fine."""
    people = Person.objects.filter(name__startswith=prefix)
    return Book.objects.filter(authors__in=people).distinct()


def replica_book_count():
    """Raw row count on the replica connection."""
    with connections[settings.REPLICA_DB].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM catalog_book")
        return cursor.fetchone()[0]


# --- misuses ------------------------------------------------------------------------

def recent_books_typo():
    return Book.objects.using("replcia").all()  # expect: MDB501


def archived_editors():
    return Person.objects.db_manager("archive").filter(edited__isnull=False)  # expect: MDB501


def assign_archived_editor(book, editor_name):
    """``book`` comes from the primary."""
    # misuse: cross-alias FK assignment, a default book gets an editor from "other" (ValueError)
    book.editor = Person.objects.using("other").get(name=editor_name)
    book.save()


def add_archived_author(book_pk, author_name):
    book = Book.objects.using(settings.PRIMARY_DB).get(pk=book_pk)
    author = Person.objects.using("other").get(name=author_name)
    # misuse: m2m add() across aliases, the author lives on "other", the book on default
    book.authors.add(author)  # expect: MDB102


def books_by_archived_authors():
    # misuse: __in subquery over another alias than the outer query (ValueError)
    return list(Book.objects.filter(authors__in=Person.objects.using("other")))  # expect: MDB201


def reviewed_books(source):
    reviews = Review.objects.using("other").filter(object_id=OuterRef("pk"), source=source)
    # misuse: Exists() subquery over another alias, its using() is silently ignored
    return list(Book.objects.filter(Exists(reviews)))  # expect: MDB202


def move_to_archive(book):
    with transaction.atomic():
        # misuse: writes to "other" inside transaction.atomic() on default are not rolled back
        Book.objects.using("other").create(title=book.title, published=book.published)  # expect: MDB401
        book.delete()


def print_catalogue():
    # misuse: N+1, one publisher query per book (use select_related("publisher"))
    for book in Book.objects.all():
        print(book.publisher.name)  # expect: MDB301


def recent_titles_by_author(year):
    result = {}
    for person in Person.objects.prefetch_related("book_set"):
        # misuse: .filter() on a prefetched manager in a loop, one query per person
        result[person.name] = [b.title for b in person.book_set.filter(published__year=year)]  # expect: MDB303
    return result


def recent_titles_by_author_fast(year):
    """The correct twin: filter inside the Prefetch."""
    recent = Prefetch("book_set", queryset=Book.objects.filter(published__year=year))
    people = Person.objects.prefetch_related(recent)
    return {p.name: [b.title for b in p.book_set.all()] for p in people}
