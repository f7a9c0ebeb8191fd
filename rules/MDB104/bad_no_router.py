# fixture: sample=newsroom
"""Without routers: a correction written on "analytics" (settings.ANALYTICS_DB) for an article
read from "default". The OneToOne value is the article's key; on "analytics" it names another
article."""
from django.conf import settings

from news.models import Article, Correction, Section
from staff.models import Journalist
from mdblint.runtime.oracles import wrong_result

# (title of the corrected article as "analytics" sees it, title of the intended article)
ORACLE = wrong_result(lambda r: r[0] != r[1])


def setup(n):
    for alias, prefix in (("default", "Story"), (settings.ANALYTICS_DB, "Mirror")):
        author = Journalist.objects.db_manager(alias).create(username="ada")
        section = Section.objects.using(alias).create(name="Home")
        for i in range(n):
            Article.objects.using(alias).create(title=f"{prefix} {i}", section=section, author=author)


def scenario():
    article = Article.objects.get(title="Story 1")
    correction = Correction.objects.using(settings.ANALYTICS_DB).create(article=article, text="Typo")  # expect: MDB104
    return Correction.objects.using(settings.ANALYTICS_DB).get(pk=correction.pk).article.title, article.title
