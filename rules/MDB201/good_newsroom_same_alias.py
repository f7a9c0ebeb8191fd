"""newsroom, no routers: both queries on "analytics" (settings constant and literal)."""
# fixture: sample=newsroom
from django.conf import settings

from news.models import PageView


def scenario():
    recent = PageView.objects.using("analytics").order_by("-viewed_at")[:10].values("pk")
    return PageView.objects.using(settings.ANALYTICS_DB).filter(pk__in=recent).count()


def check(count):
    return count == 0
