"""A view routed by urlpatterns locks a row with no atomic() block (and no ATOMIC_REQUESTS on the
bookstore's databases): Django's handler runs it in autocommit mode."""
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

SETTINGS = {"ROOT_URLCONF": __name__, "ALLOWED_HOSTS": ["testserver"]}
ORACLE = raises("TransactionManagementError")


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def rename(request):
    publisher = Publisher.objects.select_for_update().get(name="Publisher 0")  # expect: MDB404
    publisher.name = "Renamed"
    publisher.save()
    return HttpResponse("ok")


urlpatterns = [path("rename/", rename)]


def scenario():
    return Client().get("/rename/").status_code
