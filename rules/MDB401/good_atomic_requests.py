# fixture: sample=newsroom
"""Views under ATOMIC_REQUESTS (on "analytics"): writes to "analytics" are in the request's
transaction, writes to "default" in an atomic block of their own; a class-based view routed by
urlpatterns likewise. The failed requests leave nothing behind."""
from django.db import transaction
from django.test import Client
from django.urls import path
from django.views import View

from news.models import PageView, Section


def publish(request):
    PageView.objects.using("analytics").create(article_id=1)
    with transaction.atomic():
        Section.objects.create(name="Sports")
        raise RuntimeError("abort the request")


class Count(View):
    def get(self, request):
        PageView.objects.using("analytics").create(article_id=2)
        transaction.on_commit(lambda: None, using="analytics")
        raise RuntimeError("abort the request")


urlpatterns = [path("publish/", publish), path("count/", Count.as_view())]
SETTINGS = {"ROOT_URLCONF": __name__, "ALLOWED_HOSTS": ["testserver"]}


def scenario():
    for url in ("/publish/", "/count/"):
        try:
            Client().get(url)
        except RuntimeError:
            pass
    return PageView.objects.using("analytics").count(), Section.objects.using("default").count()


def check(result):
    return result == (0, 0)
