# fixture: sample=newsroom
"""ATOMIC_REQUESTS is true on "analytics" only: Django runs the view inside
transaction.atomic(using="analytics"), and the Section it creates on "default" survives the
request's rollback."""
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from news.models import PageView, Section
from mdblint.runtime.oracles import wrong_result

SETTINGS = {"ROOT_URLCONF": __name__, "ALLOWED_HOSTS": ["testserver"]}
ORACLE = wrong_result(lambda survived: survived == (0, 1))


def publish(request):
    PageView.objects.using("analytics").create(article_id=1)
    Section.objects.create(name="Sports")  # expect: MDB401
    raise RuntimeError("abort the request")


urlpatterns = [path("publish/", publish)]


def scenario():
    try:
        Client().get("/publish/")
    except RuntimeError:
        pass
    return PageView.objects.using("analytics").count(), Section.objects.using("default").count()
