# fixture: sample=newsroom
"""@transaction.non_atomic_requests(using="analytics"): the view runs in no transaction at all, so
there is no block whose rollback could miss the write to "default"."""
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from news.models import PageView, Section


@transaction.non_atomic_requests(using="analytics")
def publish(request):
    PageView.objects.using("analytics").create(article_id=1)
    Section.objects.create(name="Sports")
    return HttpResponse("ok")


urlpatterns = [path("publish/", publish)]
SETTINGS = {"ROOT_URLCONF": __name__, "ALLOWED_HOSTS": ["testserver"]}


def scenario():
    status = Client().get("/publish/").status_code
    return status, PageView.objects.using("analytics").count(), Section.objects.using("default").count()


def check(result):
    return result == (200, 1, 1)
