"""Views that lock rows inside atomic() on the rows' database, and a helper that locks rows,
called by a view inside its block (the helper is not a view: it may run inside a transaction)."""
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from catalog.models import Publisher

SETTINGS = {"ROOT_URLCONF": __name__, "ALLOWED_HOSTS": ["testserver"]}


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def locked(name):
    return Publisher.objects.select_for_update().get(name=name)


@transaction.atomic
def rename(request):
    publisher = Publisher.objects.select_for_update().get(name="Publisher 0")
    publisher.name = "Renamed"
    publisher.save()
    return HttpResponse("ok")


def rename_other(request):
    with transaction.atomic():
        publisher = locked("Publisher 1")
        publisher.name = "Renamed too"
        publisher.save()
    return HttpResponse("ok")


urlpatterns = [path("rename/", rename), path("rename-other/", rename_other)]


def scenario():
    return Client().get("/rename/").status_code, Client().get("/rename-other/").status_code


def check(result):
    return result == (200, 200)
