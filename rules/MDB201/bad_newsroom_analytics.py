"""newsroom has no routers: the outer query runs on "default", the inner one on "analytics"."""
# fixture: sample=newsroom
from django.conf import settings

from mdblint.runtime.oracles import raises
from news.models import Article, PageView

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def scenario():
    viewed = PageView.objects.using(settings.ANALYTICS_DB).values("article_id")
    return Article.objects.filter(pk__in=viewed).count()  # expect: MDB201
