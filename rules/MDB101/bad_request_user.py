# fixture: sample=bookstore
"""A view sets the archived book's creator to `request.user`. Django's ModelBackend loads the
user through its default manager, so the bookstore's router reads it from "replica"; the book
lives on "other", and the router has no opinion on that pair: Django refuses the assignment."""
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from catalog.models import Book
from mdblint.runtime.oracles import raises

SETTINGS = {
    "ROOT_URLCONF": __name__, "ALLOWED_HOSTS": ["testserver"],
    "SESSION_ENGINE": "django.contrib.sessions.backends.signed_cookies",
    "MIDDLEWARE": ["django.contrib.sessions.middleware.SessionMiddleware",
                   "django.contrib.auth.middleware.AuthenticationMiddleware"],
}
ORACLE = raises("ValueError", match="Cannot assign")


def claim_archived(request, pk):
    book = Book.objects.using("other").get(pk=pk)
    book.created_by = request.user  # expect: MDB101
    book.save()
    return HttpResponse("claimed")


urlpatterns = [path("claim/<int:pk>/", claim_archived)]


def setup(n):
    get_user_model().objects.create(username="editor")
    for i in range(n):
        Book.objects.using("other").create(title=f"Archived {i}", published="2024-01-01")


def scenario():
    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    return client.get(f"/claim/{Book.objects.using('other').first().pk}/").status_code
