"""newsroom, no routers: Exists() over page views inside a page-view query, both on "analytics"."""
# fixture: sample=newsroom
from django.conf import settings
from django.db.models import Exists, OuterRef

from news.models import PageView


def setup(n):
    for i in range(n):
        PageView.objects.using("analytics").create(article_id=i + 1)
        PageView.objects.using("analytics").create(article_id=i + 1)


def scenario():
    repeats = PageView.objects.using("analytics").filter(article_id=OuterRef("article_id")).exclude(pk=OuterRef("pk"))
    return PageView.objects.using(settings.ANALYTICS_DB).filter(Exists(repeats)).count()


def check(count):
    return count in (6, 12)
