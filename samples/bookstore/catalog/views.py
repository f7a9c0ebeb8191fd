"""Function views for the catalog (no URLconf is shipped; they are wired by the host)."""
import datetime

from django.conf import settings
from django.db import connections, transaction
from django.http import Http404, HttpResponse, JsonResponse

from . import services
from .models import Book, Ebook, Person, Review

READ_DB = settings.REPLICA_DB


def book_list(request):
    """Titles and publishers, read from the replica in one query."""
    books = Book.objects.using(READ_DB).select_related("publisher")
    data = [
        {"title": b.title, "publisher": b.publisher.name if b.publisher else None}
        for b in books
    ]
    return JsonResponse({"books": data})


def book_detail(request, pk):
    """One book with its authors and reviews."""
    try:
        book = Book.objects.prefetch_related("authors", "reviews").get(pk=pk)
    except Book.DoesNotExist:
        raise Http404("No such book")
    return JsonResponse(
        {
            "title": book.title,
            "authors": [a.name for a in book.authors.all()],
            "reviews": [r.source for r in book.reviews.all()],
        }
    )


def add_review(request, pk):
    """Attach a review to a book; both live on the primary."""
    book = Book.objects.db_manager(settings.PRIMARY_DB).get(pk=pk)
    review = Review(content_object=book, source=request.GET.get("source", "web"))
    review.save(using="default")
    return HttpResponse(status=201)


def upload_ebook(request):
    """Register an e-book on the primary, inside a transaction."""
    with transaction.atomic(using="default"):
        ebook = Ebook(title=request.GET["title"], published=datetime.date.today())
        ebook.save(using="default")
    return JsonResponse({"id": ebook.pk}, status=201)


def health(request):
    """Ping every configured alias."""
    status = {}
    for alias in ("default", "replica", "other"):
        connections[alias].ensure_connection()
        status[alias] = "ok"
    return JsonResponse(status)


def stats(request):
    """Counters for the dashboard."""
    with connections["analytics"].cursor() as cursor:  # expect: MDB501
        cursor.execute("SELECT COUNT(*) FROM catalog_book")
        (count,) = cursor.fetchone()
    return JsonResponse({"books": count})


def rename_person(request, pk):
    person = Person.objects.get(pk=pk)
    person.name = request.GET["name"]
    person.save(using="defualt")  # expect: MDB501
    return HttpResponse(status=204)


def person_books(request, pk):
    person = Person.objects.using("other").get(pk=pk)
    # misuse: N+1, one publisher query per book of the archived person
    titles = [b.publisher.name if b.publisher_id else b.title for b in person.book_set.all()]  # expect: MDB301
    return JsonResponse({"books": titles})


def assign_editor_from_archive(request, pk):
    """Staff pick an archived person as the editor of a current book."""
    book = Book.objects.using("default").get(pk=pk)
    # misuse: the service assigns a Person from "other" to this default book (ValueError)
    services.assign_archived_editor(book, request.GET["name"])  # expect: MDB101
    return HttpResponse("ok")
