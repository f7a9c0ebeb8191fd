"""newsroom, no routers: Exists() over page views bound to "analytics" runs on "default",
whose page-view table is empty, so no article looks viewed."""
# fixture: sample=newsroom
from django.conf import settings
from django.db.models import Exists, OuterRef

from mdblint.runtime.oracles import wrong_result
from news.models import Article, PageView, Section
from staff.models import Journalist

ORACLE = wrong_result(lambda viewed: viewed == 0)


def setup(n):
    section = Section.objects.create(name="World")
    author = Journalist.objects.create(username="ada")
    for i in range(n):
        article = Article.objects.create(title=f"Article {i}", section=section, author=author)
        PageView.objects.using(settings.ANALYTICS_DB).create(article_id=article.pk)


def scenario():
    views = PageView.objects.using(settings.ANALYTICS_DB).filter(article_id=OuterRef("pk"))
    return Article.objects.filter(Exists(views)).count()  # expect: MDB202
