# fixture: sample=newsroom
"""Without routers Django allows a relation only within one database: an article from
"default" cannot take a section saved on "analytics"."""
from django.conf import settings

from news.models import Article, Section
from staff.models import Journalist
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    author = Journalist.objects.create(username="ada")
    home = Section.objects.create(name="Home")
    for i in range(n):
        Article.objects.create(title=f"Story {i}", section=home, author=author)
        Section.objects.using(settings.ANALYTICS_DB).create(name=f"Trending {i}")


def scenario():
    article = Article.objects.get(title="Story 0")
    article.section = Section.objects.using(settings.ANALYTICS_DB).get(name="Trending 0")  # expect: MDB101
    article.save()
