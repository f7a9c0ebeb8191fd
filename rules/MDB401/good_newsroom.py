# fixture: sample=newsroom
"""No routers (newsroom): an instance loaded from "analytics" is saved back there (Django's
fallback for an instance hint), inside atomic(using=settings.ANALYTICS_DB); the rollback undoes it."""
from django.conf import settings
from django.db import transaction

from news.models import PageView


def setup(n):
    for i in range(n):
        PageView.objects.using("analytics").create(article_id=i + 1)


def scenario():
    view = PageView.objects.using(settings.ANALYTICS_DB).get(article_id=1)
    try:
        with transaction.atomic(using=settings.ANALYTICS_DB):
            view.article_id = 99
            view.save()
            PageView.objects.using("analytics").create(article_id=100)
            raise RuntimeError("abort the batch")
    except RuntimeError:
        pass
    return PageView.objects.using("analytics").filter(article_id__in=[99, 100]).count()


def check(survived):
    return survived == 0
