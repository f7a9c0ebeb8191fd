# fixture: sample=newsroom
"""Without routers every unqualified query goes to "default": an article and a section both
read from there, or both from "analytics", may be related."""
from django.conf import settings

from news.models import Article, Section
from staff.models import Journalist


def setup(n):
    for alias in ("default", settings.ANALYTICS_DB):
        author = Journalist.objects.db_manager(alias).create(username="ada")
        home = Section.objects.using(alias).create(name="Home")
        for i in range(n):
            Article.objects.using(alias).create(title=f"Story {i}", section=home, author=author)
            Section.objects.using(alias).create(name=f"Trending {i}")


def scenario():
    article = Article.objects.get(title="Story 0")
    article.section = Section.objects.get(name="Trending 0")
    article.save()
    copy = Article.objects.using(settings.ANALYTICS_DB).get(title="Story 0")
    copy.section = Section.objects.using("analytics").get(name="Trending 1")
    copy.save()
    return article.section.name, copy.section.name


def check(result):
    return result == ("Trending 0", "Trending 1")
