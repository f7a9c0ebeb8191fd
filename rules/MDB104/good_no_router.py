# fixture: sample=newsroom
"""Without routers: a correction written on "analytics" for an article read from "analytics"."""
from django.conf import settings

from news.models import Article, Correction, Section
from staff.models import Journalist


def setup(n):
    for alias, prefix in (("default", "Story"), (settings.ANALYTICS_DB, "Mirror")):
        author = Journalist.objects.db_manager(alias).create(username="ada")
        section = Section.objects.using(alias).create(name="Home")
        for i in range(n):
            Article.objects.using(alias).create(title=f"{prefix} {i}", section=section, author=author)


def scenario():
    article = Article.objects.using("analytics").get(title="Mirror 1")
    correction = Correction.objects.using(settings.ANALYTICS_DB).create(article=article, text="Typo")
    story = Article.objects.get(title="Story 2")
    Correction.objects.create(article=story, text="Date")
    return Correction.objects.using("analytics").get(pk=correction.pk).article.title, story.correction.text


def check(result):
    return result == ("Mirror 1", "Date")
