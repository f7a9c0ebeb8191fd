# fixture: sample=newsroom
"""Under ATOMIC_REQUESTS on "analytics", on_commit() without using= registers on "default",
which has no transaction open: the callback runs at once, although the request then fails and
its "analytics" writes are rolled back."""
from django.db import transaction
from django.test import Client
from django.urls import path

from news.models import PageView
from mdblint.runtime.oracles import wrong_result

SETTINGS = {"ROOT_URLCONF": __name__, "ALLOWED_HOSTS": ["testserver"]}
ORACLE = wrong_result(lambda result: result == (["notified"], 0))
SENT = []


def record_view(request):
    PageView.objects.using("analytics").create(article_id=1)
    transaction.on_commit(lambda: SENT.append("notified"))  # expect: MDB403
    raise RuntimeError("abort the request")


urlpatterns = [path("views/", record_view)]


def scenario():
    SENT.clear()
    try:
        Client().get("/views/")
    except RuntimeError:
        pass
    return list(SENT), PageView.objects.using("analytics").count()
