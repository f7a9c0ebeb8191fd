# fixture: sample=bookstore
"""The look-alike: the book is read the routed way, from "replica", where the router also reads
`request.user` from; the router allows relations within the primary/replica pool, and the save
goes to the primary."""
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from catalog.models import Book

SETTINGS = {
    "ROOT_URLCONF": __name__, "ALLOWED_HOSTS": ["testserver"],
    "SESSION_ENGINE": "django.contrib.sessions.backends.signed_cookies",
    "MIDDLEWARE": ["django.contrib.sessions.middleware.SessionMiddleware",
                   "django.contrib.auth.middleware.AuthenticationMiddleware"],
}


def claim(request, pk):
    book = Book.objects.get(pk=pk)
    book.created_by = request.user
    book.save()
    return HttpResponse("claimed")


urlpatterns = [path("claim/<int:pk>/", claim)]


def setup(n):
    get_user_model().objects.create(username="editor")
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    return client.get(f"/claim/{Book.objects.first().pk}/").status_code


def check(status):
    return status == 200
